import { describe, expect, it } from 'vitest';
import { validateSignupRequest } from '../src/index.js';

describe('validateSignupRequest', () => {
  it.each([
    ['a plain request', { name: 'Ada', email: 'ada@example.com' }, { name: 'Ada', email: 'ada@example.com' }],
    [
      'plus-addressing',
      { name: 'Ada', email: 'ada+news@example.com' },
      { name: 'Ada', email: 'ada+news@example.com' },
    ],
    [
      'an upper-case address, domain lower-cased',
      { name: 'Ada', email: 'Ada.Lovelace@Example.COM' },
      { name: 'Ada', email: 'Ada.Lovelace@example.com' },
    ],
    [
      'an accented name',
      { name: 'Zoë Ñúñez-Ølsen', email: 'zoe@example.com' },
      { name: 'Zoë Ñúñez-Ølsen', email: 'zoe@example.com' },
    ],
    [
      'a name in another script',
      { name: '山田 太郎', email: 'taro@example.jp' },
      { name: '山田 太郎', email: 'taro@example.jp' },
    ],
    [
      'surrounding white space, trimmed',
      { name: '  Ada  ', email: ' ada@example.com\t' },
      { name: 'Ada', email: 'ada@example.com' },
    ],
    [
      'a name of exactly 100 characters',
      { name: 'a'.repeat(100), email: 'a@example.com' },
      { name: 'a'.repeat(100), email: 'a@example.com' },
    ],
    [
      'a 100-character name of astral characters',
      { name: '😀'.repeat(100), email: 'a@example.com' },
      { name: '😀'.repeat(100), email: 'a@example.com' },
    ],
    [
      'an email of exactly 254 characters',
      { name: 'Ada', email: `${'a'.repeat(64)}@${'b'.repeat(63)}.${'c'.repeat(63)}.${'d'.repeat(57)}.com` },
      { name: 'Ada', email: `${'a'.repeat(64)}@${'b'.repeat(63)}.${'c'.repeat(63)}.${'d'.repeat(57)}.com` },
    ],
  ])('accepts %s', (_case, input, expected) => {
    // Act
    const result = validateSignupRequest(input);

    // Assess
    expect(result).toEqual({ ok: true, value: expected });
  });

  it.each([
    ['a missing body', undefined, [{ field: 'body', message: 'The request body must be a JSON object' }]],
    ['null', null, [{ field: 'body', message: 'The request body must be a JSON object' }]],
    ['an array', [{ name: 'Ada' }], [{ field: 'body', message: 'The request body must be a JSON object' }]],
    ['a string', 'Ada', [{ field: 'body', message: 'The request body must be a JSON object' }]],
    [
      'an empty object',
      {},
      [
        { field: 'name', message: 'name is required' },
        { field: 'email', message: 'email is required' },
      ],
    ],
    ['a missing email', { name: 'Ada' }, [{ field: 'email', message: 'email is required' }]],
    [
      'a numeric name',
      { name: 42, email: 'ada@example.com' },
      [{ field: 'name', message: 'name must be a string' }],
    ],
    ['a null email', { name: 'Ada', email: null }, [{ field: 'email', message: 'email must be a string' }]],
    [
      'an empty name',
      { name: '', email: 'ada@example.com' },
      [{ field: 'name', message: 'name must not be empty' }],
    ],
    [
      'a name of spaces only',
      { name: '   ', email: 'ada@example.com' },
      [{ field: 'name', message: 'name must not be empty' }],
    ],
    [
      'a name of 101 characters',
      { name: 'a'.repeat(101), email: 'ada@example.com' },
      [{ field: 'name', message: 'name must be at most 100 characters' }],
    ],
    [
      'a line break in the name',
      { name: 'Ada\r\nBcc: x@evil.com', email: 'ada@example.com' },
      [{ field: 'name', message: 'name must not contain control characters or line breaks' }],
    ],
    [
      'a NUL in the name',
      { name: 'Ada\u0000', email: 'ada@example.com' },
      [{ field: 'name', message: 'name must not contain control characters or line breaks' }],
    ],
    [
      'a C1 control in the name',
      { name: 'Ada\u0085', email: 'ada@example.com' },
      [{ field: 'name', message: 'name must not contain control characters or line breaks' }],
    ],
    [
      'a line separator in the name',
      { name: 'Ada\u2028Lovelace', email: 'ada@example.com' },
      [{ field: 'name', message: 'name must not contain control characters or line breaks' }],
    ],
    [
      'an address without @',
      { name: 'Ada', email: 'ada.example.com' },
      [{ field: 'email', message: 'email must be a valid email address' }],
    ],
    [
      'an address without a domain dot',
      { name: 'Ada', email: 'ada@localhost' },
      [{ field: 'email', message: 'email must be a valid email address' }],
    ],
    [
      'consecutive dots',
      { name: 'Ada', email: 'ada..lovelace@example.com' },
      [{ field: 'email', message: 'email must be a valid email address' }],
    ],
    [
      'two addresses',
      { name: 'Ada', email: 'ada@example.com, eve@example.com' },
      [{ field: 'email', message: 'email must be a valid email address' }],
    ],
    [
      'an empty email',
      { name: 'Ada', email: '' },
      [
        { field: 'email', message: 'email must not be empty' },
        { field: 'email', message: 'email must be a valid email address' },
      ],
    ],
    [
      'an email of 255 characters',
      { name: 'Ada', email: `${'a'.repeat(64)}@${'b'.repeat(63)}.${'c'.repeat(63)}.${'d'.repeat(58)}.com` },
      [{ field: 'email', message: 'email must be at most 254 characters' }],
    ],
    [
      'an unknown field',
      { name: 'Ada', email: 'ada@example.com', admin: true },
      [{ field: 'admin', message: 'admin is not an accepted field' }],
    ],
  ])('rejects %s', (_case, input, expectedErrors) => {
    // Act
    const result = validateSignupRequest(input);

    // Assess
    expect(result).toEqual({ ok: false, errors: expectedErrors });
  });

  it('does not change the object it was given', () => {
    // Prepare
    const input = { name: ' Ada ', email: 'ada@EXAMPLE.com' };

    // Act
    validateSignupRequest(input);

    // Assess
    expect(input).toEqual({ name: ' Ada ', email: 'ada@EXAMPLE.com' });
  });
});
