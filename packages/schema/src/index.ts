export { maskEmail } from './privacy.js';
export type { FieldError, ParseResult } from './result.js';
export {
  createSignupMessage,
  isVersionedSignupMessage,
  type LegacySignupMessage,
  legacySignupMessageSchema,
  parseSignupMessage,
  type SignupMessage,
  type SignupMessageV1,
  signupMessageV1Schema,
} from './signup-message.js';
export {
  EMAIL_MAX_LENGTH,
  NAME_MAX_LENGTH,
  type SignupRequest,
  signupRequestSchema,
  validateSignupRequest,
} from './signup-request.js';
