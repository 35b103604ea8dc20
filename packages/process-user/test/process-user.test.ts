import type { SignupMessageV1 } from '@signup/schema';
import { describe, expect, it } from 'vitest';
import { processUser } from '../src/process-user.js';
import { fakePublisher } from './support.js';

const v1Message: SignupMessageV1 = {
  version: 1,
  requestId: 'c6af9ac6-7b61-11e6-9a41-93e8deadbeef',
  name: 'Siddu',
  email: 'siddu@example.com',
  submittedAt: '2026-12-03T16:20:00.000Z',
};

describe('processUser', () => {
  it("publishes the customer's welcome email for Siddu, carrying the request id of a version 1 message", async () => {
    // Prepare
    const publisher = fakePublisher();

    // Act
    await processUser(v1Message, { publisher });

    // Assess
    expect(publisher.sent).toEqual([
      {
        subject: 'Welcome to Our Platform',
        message: 'Hello Siddu, welcome to our platform!',
        requestId: 'c6af9ac6-7b61-11e6-9a41-93e8deadbeef',
      },
    ]);
  });

  it('publishes a legacy message without a request id', async () => {
    // Prepare
    const publisher = fakePublisher();

    // Act
    await processUser({ name: 'Siddu', email: 'siddu@example.com' }, { publisher });

    // Assess
    expect(publisher.sent).toHaveLength(1);
    expect(publisher.sent[0]?.message).toBe('Hello Siddu, welcome to our platform!');
    expect(publisher.sent[0]?.subject).toBe('Welcome to Our Platform');
    expect(publisher.sent[0]).toHaveProperty('requestId', undefined);
  });

  it('lets a publisher failure propagate', async () => {
    // Prepare
    const publisher = fakePublisher(() => true);

    // Act
    const attempt = processUser(v1Message, { publisher });

    // Assess
    await expect(attempt).rejects.toThrow('SNS is unavailable');
    expect(publisher.sent).toEqual([]);
  });
});
