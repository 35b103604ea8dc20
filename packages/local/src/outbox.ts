import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

/** One email as an SNS email subscriber would receive it. */
export interface OutboxEmail {
  readonly id: string;
  readonly recipient: string;
  readonly subject: string;
  readonly message: string;
  /** ISO 8601 time of delivery. */
  readonly time: string;
  readonly snsMessageId: string;
  readonly requestId: string | undefined;
}

export interface OutboxOptions {
  /** Folder for one `.eml` file per email; none written when undefined. */
  readonly directory: string | undefined;
  /** Called for every delivered email (the terminal line of `make dev`). */
  readonly onEmail?: (email: OutboxEmail) => void;
  /** Emails kept in memory for `GET /_local/outbox`; older ones are dropped. */
  readonly capacity?: number;
}

export class Outbox {
  private readonly emails: OutboxEmail[] = [];
  private readonly capacity: number;
  private readonly listeners = new Set<(email: OutboxEmail) => void>();

  constructor(private readonly options: OutboxOptions) {
    this.capacity = options.capacity ?? 10_000;
  }

  async deliver(email: OutboxEmail): Promise<void> {
    this.emails.push(email);
    if (this.emails.length > this.capacity) this.emails.splice(0, this.emails.length - this.capacity);
    if (this.options.directory) {
      await mkdir(this.options.directory, { recursive: true });
      await writeFile(
        join(this.options.directory, `${email.time.replace(/[:.]/g, '-')}-${email.id}.eml`),
        toEml(email),
      );
    }
    this.options.onEmail?.(email);
    for (const listener of this.listeners) listener(email);
  }

  list(): readonly OutboxEmail[] {
    return [...this.emails];
  }

  /** Calls `listener` for every email delivered from now on; returns the unsubscribe function. */
  subscribe(listener: (email: OutboxEmail) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
}

/** RFC 5322 text of the email, readable by any mail client. */
export function toEml(email: OutboxEmail): string {
  const headers = [
    'From: "Signup pipeline (local SNS)" <no-reply@sns.local>',
    `To: <${email.recipient}>`,
    `Subject: ${email.subject}`,
    `Date: ${new Date(email.time).toUTCString().replace('GMT', '+0000')}`,
    `Message-ID: <${email.id}@sns.local>`,
    'MIME-Version: 1.0',
    'Content-Type: text/plain; charset=utf-8',
    'Content-Transfer-Encoding: 8bit',
    `X-SNS-Message-Id: ${email.snsMessageId}`,
    ...(email.requestId ? [`X-Signup-Request-Id: ${email.requestId}`] : []),
  ];
  return `${headers.join('\r\n')}\r\n\r\n${email.message.replace(/\r?\n/g, '\r\n')}\r\n`;
}
