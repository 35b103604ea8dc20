import legacyFixture from '@signup/schema/fixtures/legacy-signup-message.json' with { type: 'json' };
import v1Fixture from '@signup/schema/fixtures/signup-message-v1.json' with { type: 'json' };
import { describe, expect, it } from 'vitest';
import { createHandler } from '../src/handler.js';
import { eventWithBodies, fakePublisher, lambdaContext, recordingLog } from './support.js';

describe('process-user and the schema fixtures', () => {
  it('welcomes the canonical version 1 message, carrying its request id', async () => {
    // Prepare
    const publisher = fakePublisher();
    const handler = createHandler({ publisher, log: recordingLog(), publishConcurrency: 10 });

    // Act
    const response = await handler(eventWithBodies([JSON.stringify(v1Fixture)]), lambdaContext());

    // Assess
    expect(response).toEqual({ batchItemFailures: [] });
    expect(publisher.sent).toEqual([
      {
        subject: 'Welcome to Our Platform',
        message: `Hello ${v1Fixture.name}, welcome to our platform!`,
        requestId: v1Fixture.requestId,
      },
    ]);
  });

  it('welcomes the canonical legacy message, without a request id', async () => {
    // Prepare
    const publisher = fakePublisher();
    const handler = createHandler({ publisher, log: recordingLog(), publishConcurrency: 10 });

    // Act
    const response = await handler(eventWithBodies([JSON.stringify(legacyFixture)]), lambdaContext());

    // Assess
    expect(response).toEqual({ batchItemFailures: [] });
    expect(publisher.sent).toEqual([
      {
        subject: 'Welcome to Our Platform',
        message: `Hello ${legacyFixture.name}, welcome to our platform!`,
        requestId: undefined,
      },
    ]);
  });
});
