import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { LOCAL_ACCOUNT_ID, LOCAL_REGION, TOPIC_NAME } from './defaults.js';
import type { FaultInjector } from './faults.js';
import { closeServer, readBody } from './http-util.js';
import type { Outbox } from './outbox.js';

export interface LocalSnsOptions {
  readonly host: string;
  readonly subscribers: readonly string[];
  readonly outbox: Outbox;
  readonly faults: FaultInjector;
}

export interface LocalSns {
  readonly endpoint: string;
  readonly topicArn: string;
  /** Publish calls answered so far, by result. */
  readonly stats: { published: number; failed: number };
  close(): Promise<void>;
}

const MAX_MESSAGE_BYTES = 256 * 1024;
const SNS_NAMESPACE = 'http://sns.amazonaws.com/doc/2010-03-31/';

class SnsError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly type: 'Sender' | 'Receiver' = 'Sender',
  ) {
    super(message);
  }
}

/**
 * The SNS query protocol, `Publish` only, for one topic whose email subscribers are the outbox.
 * It checks what real SNS checks (topic, subject, message size) so mistakes show up locally.
 */
export async function startLocalSns(options: LocalSnsOptions): Promise<LocalSns> {
  const topicArn = `arn:aws:sns:${LOCAL_REGION}:${LOCAL_ACCOUNT_ID}:${TOPIC_NAME}`;
  const stats = { published: 0, failed: 0 };

  const publish = async (form: URLSearchParams): Promise<string> => {
    const action = form.get('Action');
    if (action !== 'Publish') {
      throw new SnsError(
        400,
        'InvalidAction',
        `The action ${action ?? '(none)'} is not valid for this local endpoint`,
      );
    }
    if (form.get('TopicArn') !== topicArn) throw new SnsError(404, 'NotFound', 'Topic does not exist');
    const message = form.get('Message');
    if (!message) throw new SnsError(400, 'InvalidParameter', 'Invalid parameter: Empty message');
    if (Buffer.byteLength(message) > MAX_MESSAGE_BYTES) {
      throw new SnsError(400, 'InvalidParameter', 'Invalid parameter: Message too long');
    }
    const subject = form.get('Subject') ?? '';
    if (subject && !/^[\x20-\x7e]{1,100}$/.test(subject)) {
      throw new SnsError(400, 'InvalidParameter', 'Invalid parameter: Subject');
    }
    if (options.faults.options.snsLatencyMs > 0) {
      await new Promise((resolve) => setTimeout(resolve, options.faults.options.snsLatencyMs));
    }
    if (options.faults.snsPublishShouldFail()) {
      throw new SnsError(500, 'InternalError', 'Injected fault', 'Receiver');
    }
    const snsMessageId = randomUUID();
    const requestId = messageAttribute(form, 'requestId');
    const time = new Date().toISOString();
    for (const recipient of options.subscribers) {
      await options.outbox.deliver({
        id: randomUUID(),
        recipient,
        subject,
        message,
        time,
        snsMessageId,
        requestId,
      });
    }
    return snsMessageId;
  };

  const server: Server = createServer((request, response) => {
    void handle(request, response);
  });
  const handle = async (request: IncomingMessage, response: ServerResponse) => {
    const requestId = randomUUID();
    try {
      if (request.method !== 'POST') throw new SnsError(405, 'InvalidAction', 'Use POST');
      const form = new URLSearchParams(await readBody(request));
      const messageId = await publish(form);
      stats.published++;
      sendXml(
        response,
        200,
        `<PublishResponse xmlns="${SNS_NAMESPACE}"><PublishResult><MessageId>${messageId}</MessageId></PublishResult><ResponseMetadata><RequestId>${requestId}</RequestId></ResponseMetadata></PublishResponse>`,
      );
    } catch (error) {
      stats.failed++;
      const snsError =
        error instanceof SnsError ? error : new SnsError(500, 'InternalError', String(error), 'Receiver');
      sendXml(
        response,
        snsError.status,
        `<ErrorResponse xmlns="${SNS_NAMESPACE}"><Error><Type>${snsError.type}</Type><Code>${snsError.code}</Code><Message>${escapeXml(snsError.message)}</Message></Error><RequestId>${requestId}</RequestId></ErrorResponse>`,
      );
    }
  };
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, options.host, resolve);
  });
  const { port } = server.address() as AddressInfo;
  return { endpoint: `http://${options.host}:${port}`, topicArn, stats, close: () => closeServer(server) };
}

function messageAttribute(form: URLSearchParams, name: string): string | undefined {
  for (let index = 1; form.has(`MessageAttributes.entry.${index}.Name`); index++) {
    if (form.get(`MessageAttributes.entry.${index}.Name`) === name) {
      return form.get(`MessageAttributes.entry.${index}.Value.StringValue`) ?? undefined;
    }
  }
  return undefined;
}

function sendXml(response: ServerResponse, status: number, body: string) {
  response.writeHead(status, { 'content-type': 'text/xml', 'content-length': Buffer.byteLength(body) });
  response.end(body);
}

function escapeXml(text: string): string {
  return text.replace(/[<>&'"]/g, (char) => `&#${char.charCodeAt(0)};`);
}
