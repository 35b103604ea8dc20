// The schemas the build compiles into standalone validators (scripts/generate-validators.mjs).
export { legacySignupMessageSchema, signupMessageV1Schema } from './signup-message.js';
export { signupRequestSchema } from './signup-request.js';
