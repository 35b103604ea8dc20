import type { JSONSchemaType } from 'ajv';
import { toFieldErrors } from './field-errors.js';
import {
  legacySignupMessage as compiledLegacySignupMessage,
  signupMessageV1 as compiledSignupMessageV1,
} from './generated/validators.js';
import { normalizeEmail, normalizeName } from './normalize.js';
import type { ParseResult } from './result.js';
import {
  EMAIL_MAX_LENGTH,
  NAME_MAX_LENGTH,
  NO_CONTROL_CHARACTERS,
  type SignupRequest,
} from './signup-request.js';

/**
 * Version 1 of the message signup-handler puts on the queue for process-user.
 * A breaking change is a new version with its own schema, never an edit of this one.
 */
export interface SignupMessageV1 {
  version: 1;
  /** The API request id: the correlation id of this signup across logs, queue and email. */
  requestId: string;
  name: string;
  email: string;
  /** When the API accepted the signup, ISO 8601 in UTC. */
  submittedAt: string;
}

/** The bare body older producers queued: the signup request itself, without envelope. */
export type LegacySignupMessage = SignupRequest;

export type SignupMessage = SignupMessageV1 | LegacySignupMessage;

const nameSchema = {
  type: 'string',
  minLength: 1,
  maxLength: NAME_MAX_LENGTH,
  pattern: NO_CONTROL_CHARACTERS,
} as const;
const emailSchema = { type: 'string', minLength: 1, maxLength: EMAIL_MAX_LENGTH, format: 'email' } as const;

/** `Date#toISOString()` output: UTC, millisecond precision optional. */
const ISO_8601_UTC = '^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d{1,9})?Z$';

/** Readers tolerate unknown properties, so adding an optional field is not a breaking change. */
export const signupMessageV1Schema = {
  $id: 'https://signup.example.com/schemas/signup-message-v1.json',
  title: 'SignupMessageV1',
  type: 'object',
  properties: {
    version: { type: 'integer', const: 1 },
    requestId: { type: 'string', minLength: 1, maxLength: 128, pattern: NO_CONTROL_CHARACTERS },
    name: nameSchema,
    email: emailSchema,
    submittedAt: { type: 'string', pattern: ISO_8601_UTC },
  },
  required: ['version', 'requestId', 'name', 'email', 'submittedAt'],
  additionalProperties: true,
} as const satisfies JSONSchemaType<SignupMessageV1>;

export const legacySignupMessageSchema = {
  $id: 'https://signup.example.com/schemas/legacy-signup-message.json',
  title: 'LegacySignupMessage',
  type: 'object',
  properties: { name: nameSchema, email: emailSchema },
  required: ['name', 'email'],
  additionalProperties: true,
} as const satisfies JSONSchemaType<LegacySignupMessage>;

/**
 * Builds the queue message for an accepted signup.
 *
 * @example
 * const message = createSignupMessage(request, { requestId: event.requestContext.requestId, now: new Date() });
 */
export function createSignupMessage(
  request: SignupRequest,
  { requestId, now }: { requestId: string; now: Date },
): SignupMessageV1 {
  return { version: 1, requestId, name: request.name, email: request.email, submittedAt: now.toISOString() };
}

/** True when the message carries the versioned envelope (and so a request id). */
export function isVersionedSignupMessage(message: SignupMessage): message is SignupMessageV1 {
  return 'version' in message;
}

/**
 * Parses a queue message body that has already been JSON-decoded: a versioned message, or the bare
 * legacy `{ name, email }` body. Anything else, including an unknown version, is an error.
 *
 * @example
 * const result = parseSignupMessage(JSON.parse(record.body));
 */
export function parseSignupMessage(input: unknown): ParseResult<SignupMessage> {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) {
    return { ok: false, errors: [{ field: 'body', message: 'The message must be a JSON object' }] };
  }
  const record = normalizeStrings(input as Record<string, unknown>);
  if ('version' in record) {
    if (compiledSignupMessageV1(record)) {
      const { version, requestId, name, email, submittedAt } = record;
      return { ok: true, value: { version, requestId, name, email, submittedAt } };
    }
    return { ok: false, errors: toFieldErrors(compiledSignupMessageV1.errors) };
  }
  if (compiledLegacySignupMessage(record))
    return { ok: true, value: { name: record.name, email: record.email } };
  return { ok: false, errors: toFieldErrors(compiledLegacySignupMessage.errors) };
}

function normalizeStrings(record: Record<string, unknown>): Record<string, unknown> {
  return {
    ...record,
    ...(typeof record.name === 'string' ? { name: normalizeName(record.name) } : {}),
    ...(typeof record.email === 'string' ? { email: normalizeEmail(record.email) } : {}),
  };
}
