import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Outbox, type OutboxEmail, toEml } from '../src/outbox.js';

const email = (overrides: Partial<OutboxEmail> = {}): OutboxEmail => ({
  id: 'email-1',
  recipient: 'team@example.com',
  subject: 'Welcome to Our Platform',
  message: 'Hello Ada,\nwelcome to our platform!',
  time: '2026-12-03T16:20:05.123Z',
  snsMessageId: 'sns-1',
  requestId: 'request-1',
  ...overrides,
});

describe('toEml', () => {
  it('writes the headers, a blank line and the body, all with CRLF line ends', () => {
    // Act
    const eml = toEml(email());

    // Assess
    expect(eml).toBe(
      [
        'From: "Signup pipeline (local SNS)" <no-reply@sns.local>',
        'To: <team@example.com>',
        'Subject: Welcome to Our Platform',
        'Date: Thu, 03 Dec 2026 16:20:05 +0000',
        'Message-ID: <email-1@sns.local>',
        'MIME-Version: 1.0',
        'Content-Type: text/plain; charset=utf-8',
        'Content-Transfer-Encoding: 8bit',
        'X-SNS-Message-Id: sns-1',
        'X-Signup-Request-Id: request-1',
        '',
        'Hello Ada,',
        'welcome to our platform!',
        '',
      ].join('\r\n'),
    );
    expect(eml.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
  });

  it('leaves out the request id header when there is no request id', () => {
    // Act
    const eml = toEml(email({ requestId: undefined }));

    // Assess
    expect(eml).not.toContain('X-Signup-Request-Id');
    expect(eml).toContain('X-SNS-Message-Id: sns-1\r\n\r\nHello Ada,');
  });
});

describe('Outbox', () => {
  let directory: string;
  beforeEach(async () => {
    directory = await mkdtemp(join(tmpdir(), 'outbox-test-'));
  });
  afterEach(async () => {
    await rm(directory, { recursive: true, force: true });
  });

  it('writes one .eml file per email into the directory', async () => {
    // Prepare
    const target = join(directory, 'nested', 'outbox');
    const outbox = new Outbox({ directory: target });

    // Act
    await outbox.deliver(email());

    // Assess
    const files = await readdir(target);
    expect(files).toEqual(['2026-12-03T16-20-05-123Z-email-1.eml']);
    expect(await readFile(join(target, files[0] as string), 'utf8')).toBe(toEml(email()));
  });

  it('writes no file when no directory is set', async () => {
    // Prepare
    const outbox = new Outbox({ directory: undefined });

    // Act
    await outbox.deliver(email());

    // Assess
    expect(outbox.list()).toEqual([email()]);
    expect(await readdir(directory)).toEqual([]);
  });

  it('keeps at most capacity emails, dropping the oldest', async () => {
    // Prepare
    const outbox = new Outbox({ directory: undefined, capacity: 2 });

    // Act
    for (const id of ['a', 'b', 'c']) await outbox.deliver(email({ id }));

    // Assess
    expect(outbox.list().map((entry) => entry.id)).toEqual(['b', 'c']);
  });

  it('calls onEmail and subscribers for each delivery until they unsubscribe', async () => {
    // Prepare
    const onEmail: string[] = [];
    const heard: string[] = [];
    const outbox = new Outbox({ directory: undefined, onEmail: (entry) => onEmail.push(entry.id) });
    const unsubscribe = outbox.subscribe((entry) => heard.push(entry.id));

    // Act
    await outbox.deliver(email({ id: 'before' }));
    unsubscribe();
    await outbox.deliver(email({ id: 'after' }));

    // Assess
    expect(heard).toEqual(['before']);
    expect(onEmail).toEqual(['before', 'after']);
  });

  it('returns a copy from list, which callers cannot change', async () => {
    // Prepare
    const outbox = new Outbox({ directory: undefined });
    await outbox.deliver(email());

    // Act
    (outbox.list() as OutboxEmail[]).length = 0;

    // Assess
    expect(outbox.list()).toHaveLength(1);
  });
});
