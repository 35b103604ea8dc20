import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestPipeline, type TestPipeline, waitFor } from '../helpers.js';

describe('the local pipeline, end to end', () => {
  let pipeline: TestPipeline;
  beforeAll(async () => {
    pipeline = await startTestPipeline();
  });
  afterAll(async () => {
    await pipeline.stop();
  });

  it('turns a signup into a welcome email in the outbox', async () => {
    // Act
    const response = await pipeline.signUp({ name: 'Ada', email: 'ada@example.com' });
    const email = await waitFor(
      () => pipeline.outbox.list().find((entry) => entry.requestId === response.body.requestId),
      { timeoutMs: 5_000, what: 'the welcome email' },
    );

    // Assess
    expect(response.status).toBe(200);
    expect(response.body.message).toBe('Signup received and queued');
    expect(email).toMatchObject({
      recipient: 'team@example.com',
      subject: 'Welcome to Our Platform',
      message: 'Hello Ada, welcome to our platform!',
    });
  });

  it('lists the email at GET /_local/outbox', async () => {
    // Prepare
    const response = await pipeline.signUp({ name: 'Siddu', email: 'siddu@example.com' });

    // Act
    const listed = await waitFor(
      async () => {
        const outbox = (await (await fetch(`${pipeline.url}/_local/outbox`)).json()) as Array<
          Record<string, unknown>
        >;
        return outbox.find((entry) => entry.requestId === response.body.requestId);
      },
      { what: 'the email at /_local/outbox' },
    );

    // Assess
    expect(listed).toMatchObject({
      recipient: 'team@example.com',
      subject: 'Welcome to Our Platform',
      message: 'Hello Siddu, welcome to our platform!',
    });
    expect(typeof listed.time).toBe('string');
  });

  it('answers an invalid body with 400 and field errors, and queues nothing', async () => {
    // Prepare
    const before = pipeline.outbox.list().length;

    // Act
    const response = await pipeline.signUp({ name: '', email: 'not-an-address', extra: 1 });
    await new Promise((resolve) => setTimeout(resolve, 300));

    // Assess
    expect(response.status).toBe(400);
    expect(response.body.errors).toEqual(
      expect.arrayContaining([
        { field: 'name', message: 'name must not be empty' },
        { field: 'email', message: 'email must be a valid email address' },
        { field: 'extra', message: 'extra is not an accepted field' },
      ]),
    );
    expect(pipeline.outbox.list().length).toBe(before);
    expect(await pipeline.queueDepths()).toMatchObject({ queue: { visible: 0 }, dlq: { visible: 0 } });
  });

  it.each([
    ['GET', '/signup'],
    ['DELETE', '/signup'],
    ['POST', '/users'],
    ['GET', '/'],
  ])('answers %s %s as API Gateway does: 403 Missing Authentication Token', async (method, path) => {
    // Act
    const response = await fetch(`${pipeline.url}${path}`, { method });

    // Assess
    expect(response.status).toBe(403);
    expect(await response.json()).toEqual({ message: 'Missing Authentication Token' });
  });

  it('answers a CORS preflight through the function', async () => {
    // Act
    const response = await fetch(`${pipeline.url}/signup`, {
      method: 'OPTIONS',
      headers: { origin: 'https://app.example.com', 'access-control-request-method': 'POST' },
    });

    // Assess
    expect(response.status).toBe(204);
    expect(response.headers.get('access-control-allow-origin')).toBe('*');
    expect(response.headers.get('access-control-allow-methods')).toContain('POST');
  });

  it('passes a non-UTF-8 body as base64, which the function decodes and rejects clearly', async () => {
    // Act
    const response = await fetch(`${pipeline.url}/signup`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: new Uint8Array([0x7b, 0xff, 0xfe, 0x7d]),
    });

    // Assess
    expect(response.status).toBe(400);
    expect(((await response.json()) as { message: string }).message).toMatch(/UTF-8/);
  });

  it('never logs a submitted email address or name', async () => {
    // Prepare
    const name = 'Grace Hopper-Logcheck';
    const email = 'grace.logcheck@example.org';

    // Act
    const response = await pipeline.signUp({ name, email });
    await waitFor(() => pipeline.outbox.list().find((entry) => entry.requestId === response.body.requestId));
    await pipeline.signUp({ name, email: 'broken-address' });

    // Assess
    const logs = pipeline.logLines.join('\n');
    expect(logs).toContain(String(response.body.requestId));
    expect(logs).not.toContain(email);
    expect(logs).not.toContain(name);
    expect(logs).not.toContain('broken-address');
  });
});
