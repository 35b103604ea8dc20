import type { SQSEvent } from 'aws-lambda';
import { describe, expect, it } from 'vitest';
import { createHandler, NotAnSqsEventError } from '../src/handler.js';
import type { WelcomePublisher } from '../src/ports.js';
import type { WelcomeEmail } from '../src/welcome-email.js';
import {
  customerMinimalEvent,
  delay,
  eventWithBodies,
  type FakePublisher,
  fakePublisher,
  lambdaContext,
  recordingLog,
  serializeLog,
  sqsBatchEvent,
  withBody,
} from './support.js';

function setup({
  publisher = fakePublisher() as WelcomePublisher,
  publishConcurrency = 10,
  minRemainingMillis,
}: {
  publisher?: WelcomePublisher;
  publishConcurrency?: number;
  minRemainingMillis?: number;
} = {}) {
  const log = recordingLog();
  const handler = createHandler({
    publisher,
    log,
    publishConcurrency,
    ...(minRemainingMillis === undefined ? {} : { minRemainingMillis }),
  });
  return { handler, log };
}

const messageIds = (event: SQSEvent) => event.Records.map((record) => record.messageId);
const namesOf = (publisher: FakePublisher) => publisher.sent.map((email) => email.message).sort();
const greeting = (name: string) => `Hello ${name}, welcome to our platform!`;

const BATCH_NAMES = ['Siddu', 'Ada Lovelace', 'Grace Hopper', 'Katherine Johnson', 'Margaret Hamilton'];
const BATCH_EMAILS = [
  'siddu@example.com',
  'ada.lovelace@example.org',
  'grace.hopper@example.net',
  'katherine.johnson@example.com',
  'margaret.hamilton@example.com',
];

describe('process-user handler', () => {
  it('publishes one welcome email per record of a good batch and reports no failures', async () => {
    // Prepare
    const publisher = fakePublisher();
    const { handler } = setup({ publisher });

    // Act
    const response = await handler(sqsBatchEvent(), lambdaContext());

    // Assess
    expect(response).toEqual({ batchItemFailures: [] });
    expect(namesOf(publisher)).toEqual(BATCH_NAMES.map(greeting).sort());
    expect(publisher.sent.every((email) => email.subject === 'Welcome to Our Platform')).toBe(true);
    expect(publisher.sent.find((email) => email.message === greeting('Siddu'))?.requestId).toBe(
      'c6af9ac6-7b61-11e6-9a41-93e8deadbeef',
    );
  });

  it('reports exactly the record whose publish failed and still publishes its neighbours', async () => {
    // Prepare
    const event = sqsBatchEvent();
    const publisher = fakePublisher((email) => email.message === greeting('Grace Hopper'));
    const { handler, log } = setup({ publisher });

    // Act
    const response = await handler(event, lambdaContext());

    // Assess
    expect(response).toEqual({ batchItemFailures: [{ itemIdentifier: event.Records[2]?.messageId }] });
    expect(response.batchItemFailures[0]?.itemIdentifier).toBe('b7e9a3c2-5d41-4f6e-8a90-1c2d3e4f5a6b');
    expect(namesOf(publisher)).toEqual(
      ['Siddu', 'Ada Lovelace', 'Katherine Johnson', 'Margaret Hamilton'].map(greeting).sort(),
    );
    expect(log.records).toContainEqual({
      level: 'error',
      message: 'Welcome email could not be published; the message will be retried',
      extra: [
        {
          messageId: 'b7e9a3c2-5d41-4f6e-8a90-1c2d3e4f5a6b',
          requestId: 'e4a1b2c3-d4e5-4f60-8a7b-9c0d1e2f3a4b',
          receiveCount: '1',
          error: expect.any(Error),
        },
      ],
    });
  });

  it('reports a record that is not JSON as a failure so it reaches the dead-letter queue', async () => {
    // Prepare
    const event = withBody(sqsBatchEvent(), 1, '{"name": "Ada Lovelace", "email": ');
    const publisher = fakePublisher();
    const { handler, log } = setup({ publisher });

    // Act
    const response = await handler(event, lambdaContext());

    // Assess
    expect(response.batchItemFailures).toEqual([{ itemIdentifier: '059f36b4-87a3-44ab-83d2-661975830a7d' }]);
    expect(publisher.sent).toHaveLength(4);
    expect(log.records.filter((record) => record.level === 'error').map((record) => record.message)).toEqual([
      'Signup message is not JSON; it will be retried, then dead-lettered',
    ]);
  });

  it.each([
    ['without an email', '{"name":"Siddu"}'],
    ['with a malformed email', '{"name":"Siddu","email":"siddu"}'],
    ['with an unknown version', '{"version":2,"requestId":"r","name":"Siddu","email":"siddu@example.com"}'],
    [
      'of version 1 without a request id',
      '{"version":1,"name":"Siddu","email":"siddu@example.com","submittedAt":"2026-12-03T16:20:00.000Z"}',
    ],
    ['that is JSON null', 'null'],
    ['that is a JSON array', '[]'],
    ['with a name containing a line break', '{"name":"Sid\\ndu","email":"siddu@example.com"}'],
  ])('reports a message %s as a failure instead of dropping it', async (_case, body) => {
    // Prepare
    const event = withBody(sqsBatchEvent(), 3, body);
    const publisher = fakePublisher();
    const { handler, log } = setup({ publisher });

    // Act
    const response = await handler(event, lambdaContext());

    // Assess
    expect(response.batchItemFailures).toEqual([{ itemIdentifier: '4c8f2a1e-6b3d-4e7f-9a0b-5c6d7e8f9a0b' }]);
    expect(publisher.sent).toHaveLength(4);
    expect(publisher.sent.map((email) => email.message)).not.toContain(greeting('Katherine Johnson'));
    expect(log.records).toContainEqual(
      expect.objectContaining({
        level: 'error',
        message: 'Signup message is invalid; it will be retried, then dead-lettered',
      }),
    );
  });

  it('reports every bad record of a batch and publishes the good ones', async () => {
    // Prepare
    const event = eventWithBodies([
      'not json',
      '{"name":"Siddu"}',
      '{"name":"Ada","email":"ada@example.com"}',
      '',
    ]);
    const publisher = fakePublisher();
    const { handler } = setup({ publisher });

    // Act
    const response = await handler(event, lambdaContext());

    // Assess
    expect(response.batchItemFailures).toEqual([
      { itemIdentifier: 'message-1' },
      { itemIdentifier: 'message-2' },
      { itemIdentifier: 'message-4' },
    ]);
    expect(publisher.sent.map((email) => email.message)).toEqual([greeting('Ada')]);
  });

  it('accepts a legacy body without a request id', async () => {
    // Prepare
    const publisher = fakePublisher();
    const { handler } = setup({ publisher });

    // Act
    const response = await handler(
      eventWithBodies(['{"name":"Margaret Hamilton","email":"margaret.hamilton@example.com"}']),
      lambdaContext(),
    );

    // Assess
    expect(response).toEqual({ batchItemFailures: [] });
    expect(publisher.sent).toEqual([
      { subject: 'Welcome to Our Platform', message: greeting('Margaret Hamilton'), requestId: undefined },
    ]);
  });

  it("publishes 'Hello Siddu, welcome to our platform!' for the customer's minimal event", async () => {
    // Prepare
    const publisher = fakePublisher();
    const { handler } = setup({ publisher });

    // Act
    const response = await handler(customerMinimalEvent(), lambdaContext());

    // Assess
    expect(response).toEqual({ batchItemFailures: [] });
    expect(publisher.sent).toEqual<WelcomeEmail[]>([
      {
        subject: 'Welcome to Our Platform',
        message: 'Hello Siddu, welcome to our platform!',
        requestId: undefined,
      },
    ]);
  });

  it('reports a failed record without a messageId with an empty identifier, so the batch is retried', async () => {
    // Prepare
    const { handler } = setup({ publisher: fakePublisher(() => true) });

    // Act
    const response = await handler(customerMinimalEvent(), lambdaContext());

    // Assess
    expect(response).toEqual({ batchItemFailures: [{ itemIdentifier: '' }] });
  });

  it('never publishes more records at once than the publish concurrency', async () => {
    // Prepare
    let inFlight = 0;
    let maxInFlight = 0;
    const sent: string[] = [];
    const slowPublisher: WelcomePublisher = {
      publish: async (email) => {
        inFlight += 1;
        maxInFlight = Math.max(maxInFlight, inFlight);
        await delay(10);
        sent.push(email.message);
        inFlight -= 1;
      },
    };
    const { handler } = setup({ publisher: slowPublisher, publishConcurrency: 2 });

    // Act
    const response = await handler(sqsBatchEvent(), lambdaContext());

    // Assess
    expect(response).toEqual({ batchItemFailures: [] });
    expect(maxInFlight).toBe(2);
    expect(sent).toHaveLength(5);
  });

  it('reports records as failures without publishing them when too little time is left', async () => {
    // Prepare
    const event = sqsBatchEvent();
    const publisher = fakePublisher();
    const { handler, log } = setup({ publisher });

    // Act
    const response = await handler(event, lambdaContext(2_999));

    // Assess
    expect(response.batchItemFailures).toEqual(
      messageIds(event).map((itemIdentifier) => ({ itemIdentifier })),
    );
    expect(publisher.sent).toEqual([]);
    expect(log.records.filter((record) => record.level === 'warn')).toHaveLength(5);
  });

  it('publishes when the time left is at least the configured minimum', async () => {
    // Prepare
    const publisher = fakePublisher();
    const { handler } = setup({ publisher, minRemainingMillis: 1_000 });

    // Act
    const response = await handler(sqsBatchEvent(), lambdaContext(1_000));

    // Assess
    expect(response).toEqual({ batchItemFailures: [] });
    expect(publisher.sent).toHaveLength(5);
  });

  it('throws NotAnSqsEventError with a diagnosis for an API Gateway event, and logs it', async () => {
    // Prepare
    const publisher = fakePublisher();
    const { handler, log } = setup({ publisher });
    const event = {
      httpMethod: 'POST',
      path: '/signup',
      body: '{"name":"Siddu","email":"siddu@example.com"}',
      requestContext: { requestId: 'c6af9ac6-7b61-11e6-9a41-93e8deadbeef' },
    };

    // Act
    const attempt = handler(event, lambdaContext());

    // Assess
    await expect(attempt).rejects.toBeInstanceOf(NotAnSqsEventError);
    await expect(attempt).rejects.toThrow(/expects an SQS event .* but got an API Gateway event/);
    expect(publisher.sent).toEqual([]);
    expect(log.records).toContainEqual({
      level: 'error',
      message: 'Event is not an SQS event',
      extra: [{ diagnosis: expect.stringContaining('an API Gateway event') }],
    });
  });

  it('throws NotAnSqsEventError for the bare signup body', async () => {
    // Prepare
    const { handler } = setup();

    // Act
    const attempt = handler({ name: 'Siddu', email: 'siddu@example.com' }, lambdaContext());

    // Assess
    await expect(attempt).rejects.toThrow(NotAnSqsEventError);
    await expect(attempt).rejects.toThrow(/a bare signup body/);
  });

  it('never logs an email address or a name', async () => {
    // Prepare
    let event = sqsBatchEvent();
    event = withBody(event, 1, '{"name":"Ada Lovelace","email":"ada.lovelace@example.org",');
    event = withBody(
      event,
      3,
      '{"version":1,"requestId":"x","name":"Katherine Johnson","email":"katherine.johnson@example.com"}',
    );
    const publisher = fakePublisher((email) => email.message === greeting('Grace Hopper'));
    const { handler, log } = setup({ publisher });

    // Act
    const response = await handler(event, lambdaContext());

    // Assess
    expect(response.batchItemFailures).toHaveLength(3);
    expect(log.records.map((record) => record.level).sort()).toEqual([
      'error',
      'error',
      'error',
      'info',
      'info',
    ]);
    const logged = serializeLog(log);
    for (const secret of [...BATCH_NAMES, ...BATCH_EMAILS]) {
      expect(logged).not.toContain(secret);
    }
    expect(logged).toContain('s***@example.com');
  });

  it('never logs an email address or a name when too little time is left', async () => {
    // Prepare
    const { handler, log } = setup();

    // Act
    await handler(sqsBatchEvent(), lambdaContext(10));

    // Assess
    const logged = serializeLog(log);
    expect(log.records).toHaveLength(5);
    for (const secret of [...BATCH_NAMES, ...BATCH_EMAILS]) {
      expect(logged).not.toContain(secret);
    }
  });
});
