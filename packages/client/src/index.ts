export { createSignupClient } from './client.js';
export { DEFAULT_RETRY_AFTER_SECONDS, readSignUpResponse } from './response.js';
export type {
  FieldError,
  SignUpFailed,
  SignUpInvalid,
  SignUpNetworkError,
  SignUpOptions,
  SignUpQueued,
  SignUpResult,
  SignUpUnavailable,
  SignupClient,
  SignupClientOptions,
  SignupFetch,
  SignupFetchInit,
  SignupFetchResponse,
  SignupRequest,
} from './types.js';
