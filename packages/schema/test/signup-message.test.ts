import { describe, expect, it } from 'vitest';
import legacyFixture from '../fixtures/legacy-signup-message.json' with { type: 'json' };
import v1Fixture from '../fixtures/signup-message-v1.json' with { type: 'json' };
import { createSignupMessage, isVersionedSignupMessage, parseSignupMessage } from '../src/index.js';

describe('createSignupMessage', () => {
  it('builds a version 1 message that parses back to itself', () => {
    // Prepare
    const now = new Date('2026-12-03T16:20:00.000Z');

    // Act
    const message = createSignupMessage(
      { name: 'Ada', email: 'ada@example.com' },
      { requestId: 'req-1', now },
    );

    // Assess
    expect(message).toEqual({
      version: 1,
      requestId: 'req-1',
      name: 'Ada',
      email: 'ada@example.com',
      submittedAt: '2026-12-03T16:20:00.000Z',
    });
    expect(parseSignupMessage(JSON.parse(JSON.stringify(message)))).toEqual({ ok: true, value: message });
  });
});

describe('parseSignupMessage', () => {
  it('accepts the canonical version 1 fixture', () => {
    // Act
    const result = parseSignupMessage(v1Fixture);

    // Assess
    expect(result).toEqual({ ok: true, value: v1Fixture });
    expect(result.ok && isVersionedSignupMessage(result.value)).toBe(true);
  });

  it('accepts the bare legacy body as an unversioned message', () => {
    // Act
    const result = parseSignupMessage(legacyFixture);

    // Assess
    expect(result).toEqual({ ok: true, value: { name: 'Siddu', email: 'siddu@example.com' } });
    expect(result.ok && isVersionedSignupMessage(result.value)).toBe(false);
  });

  it('ignores properties a newer producer added, keeping only the contract', () => {
    // Act
    const result = parseSignupMessage({ ...v1Fixture, referrer: 'newsletter' });

    // Assess
    expect(result).toEqual({ ok: true, value: v1Fixture });
  });

  it.each([
    ['an unknown version', { ...v1Fixture, version: 2 }, 'version'],
    ['a version 1 message without a request id', { ...v1Fixture, requestId: undefined }, 'requestId'],
    ['a malformed submittedAt', { ...v1Fixture, submittedAt: 'yesterday' }, 'submittedAt'],
    ['a legacy body with a bad email', { name: 'Siddu', email: 'siddu' }, 'email'],
    ['a name with a line break', { ...v1Fixture, name: 'Siddu\nBcc: x' }, 'name'],
    ['a non-object', 'Siddu', 'body'],
    ['null', null, 'body'],
  ])('rejects %s', (_case, input, field) => {
    // Act
    const result = parseSignupMessage(JSON.parse(JSON.stringify(input)));

    // Assess
    expect(result.ok).toBe(false);
    expect(result.ok ? [] : result.errors.map((error) => error.field)).toContain(field);
  });
});
