import { parseSignupMessage } from '@signup/schema';
import { describe, expect, it } from 'vitest';
import { signUp } from '../src/signup.js';
import { failingQueue, fakeQueue } from './support.js';

const now = () => new Date('2026-12-03T16:20:00.000Z');

describe('signUp', () => {
  it('queues exactly one version 1 message for an accepted signup', async () => {
    // Prepare
    const queue = fakeQueue();

    // Act
    const outcome = await signUp(
      { name: 'Siddu', email: 'siddu@example.com' },
      { requestId: 'req-1' },
      { queue, now },
    );

    // Assess
    expect(outcome).toEqual({ kind: 'accepted', requestId: 'req-1' });
    expect(queue.sent).toEqual([
      {
        version: 1,
        requestId: 'req-1',
        name: 'Siddu',
        email: 'siddu@example.com',
        submittedAt: '2026-12-03T16:20:00.000Z',
      },
    ]);
    const wire = JSON.parse(JSON.stringify(queue.sent[0]));
    expect(parseSignupMessage(wire)).toEqual({ ok: true, value: queue.sent[0] });
  });

  it('queues the name and email as normalized by the schema', async () => {
    // Prepare
    const queue = fakeQueue();

    // Act
    await signUp({ name: '  Siddu  ', email: ' Siddu@EXAMPLE.com ' }, { requestId: 'req-2' }, { queue, now });

    // Assess
    expect(queue.sent.map(({ name, email }) => ({ name, email }))).toEqual([
      { name: 'Siddu', email: 'Siddu@example.com' },
    ]);
  });

  it('rejects a request without an email and queues nothing', async () => {
    // Prepare
    const queue = fakeQueue();

    // Act
    const outcome = await signUp({ name: 'Siddu' }, { requestId: 'req-3' }, { queue, now });

    // Assess
    expect(outcome).toEqual({ kind: 'rejected', errors: [{ field: 'email', message: 'email is required' }] });
    expect(queue.sent).toEqual([]);
  });

  it.each([
    ['a malformed email', { name: 'Siddu', email: 'siddu' }, 'email'],
    ['an empty name', { name: '   ', email: 'siddu@example.com' }, 'name'],
    ['a name with a line break', { name: 'Sid\ndu', email: 'siddu@example.com' }, 'name'],
    ['an unknown field', { name: 'Siddu', email: 'siddu@example.com', admin: true }, 'admin'],
    ['an array instead of an object', [{ name: 'Siddu', email: 'siddu@example.com' }], 'body'],
  ])('rejects %s and queues nothing', async (_case, request, field) => {
    // Prepare
    const queue = fakeQueue();

    // Act
    const outcome = await signUp(request, { requestId: 'req-4' }, { queue, now });

    // Assess
    expect(outcome.kind).toBe('rejected');
    expect(outcome.kind === 'rejected' && outcome.errors.map((error) => error.field)).toContain(field);
    expect(queue.sent).toEqual([]);
  });

  it('lets a queue failure propagate', async () => {
    // Prepare
    const failure = new Error('SQS is unavailable');

    // Act
    const attempt = signUp(
      { name: 'Siddu', email: 'siddu@example.com' },
      { requestId: 'req-5' },
      { queue: failingQueue(failure), now },
    );

    // Assess
    await expect(attempt).rejects.toBe(failure);
  });
});
