import type { JSONSchemaType } from 'ajv';
import { toFieldErrors } from './field-errors.js';
import { signupRequest as compiledSignupRequest } from './generated/validators.js';
import { normalizeEmail, normalizeName } from './normalize.js';
import type { ParseResult } from './result.js';

/** What a person submits to `POST /signup`. */
export interface SignupRequest {
  /** Display name, trimmed, 1 to 100 characters, no control characters or line breaks. */
  name: string;
  /** Email address, trimmed, at most 254 characters (RFC 5321). */
  email: string;
}

export const NAME_MAX_LENGTH = 100;
export const EMAIL_MAX_LENGTH = 254;

/** Control characters (C0, DEL, C1) and the Unicode line and paragraph separators. */
export const NO_CONTROL_CHARACTERS = '^[^\\p{Cc}\\p{Zl}\\p{Zp}]*$';

/** Checked against `JSONSchemaType<SignupRequest>`: the compiler rejects a schema that drifts from the type. */
export const signupRequestSchema = {
  $id: 'https://signup.example.com/schemas/signup-request.json',
  title: 'SignupRequest',
  type: 'object',
  properties: {
    name: { type: 'string', minLength: 1, maxLength: NAME_MAX_LENGTH, pattern: NO_CONTROL_CHARACTERS },
    email: { type: 'string', minLength: 1, maxLength: EMAIL_MAX_LENGTH, format: 'email' },
  },
  required: ['name', 'email'],
  additionalProperties: false,
} as const satisfies JSONSchemaType<SignupRequest>;

/**
 * Validates a signup form or request body. Strings are trimmed (and the email's domain lower-cased)
 * before they are checked, so `{ name: ' Ada ' }` is accepted as `Ada`.
 *
 * @example
 * const result = validateSignupRequest({ name: form.name, email: form.email });
 * if (!result.ok) for (const { field, message } of result.errors) showError(field, message);
 */
export function validateSignupRequest(input: unknown): ParseResult<SignupRequest> {
  const candidate = normalizeStrings(input);
  if (compiledSignupRequest(candidate)) {
    return { ok: true, value: { name: candidate.name, email: candidate.email } };
  }
  return { ok: false, errors: toFieldErrors(compiledSignupRequest.errors) };
}

function normalizeStrings(input: unknown): unknown {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) return input;
  const record = input as Record<string, unknown>;
  return {
    ...record,
    ...(typeof record.name === 'string' ? { name: normalizeName(record.name) } : {}),
    ...(typeof record.email === 'string' ? { email: normalizeEmail(record.email) } : {}),
  };
}
