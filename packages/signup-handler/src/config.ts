/** Environment variables this function reads; Terraform sets exactly these (checked by the infra tests). */
export const SIGNUP_HANDLER_ENV = {
  queueUrl: 'SIGNUP_QUEUE_URL',
  allowedOrigin: 'ALLOWED_ORIGIN',
} as const;

export interface SignupHandlerConfig {
  /** URL of the SQS queue that receives accepted signups. */
  readonly queueUrl: string;
  /** Value of `Access-Control-Allow-Origin` on every response. */
  readonly allowedOrigin: string;
}

export class ConfigError extends Error {
  override readonly name = 'ConfigError';
}

/**
 * Reads and validates the function's configuration once per cold start.
 *
 * @example
 * const config = loadConfig(process.env);
 */
export function loadConfig(env: Readonly<Record<string, string | undefined>>): SignupHandlerConfig {
  const queueUrl = env[SIGNUP_HANDLER_ENV.queueUrl]?.trim();
  if (!queueUrl) {
    throw new ConfigError(
      `${SIGNUP_HANDLER_ENV.queueUrl} is not set: it must be the URL of the signup SQS queue`,
    );
  }
  if (!/^https?:\/\//.test(queueUrl)) {
    throw new ConfigError(`${SIGNUP_HANDLER_ENV.queueUrl} must be an http(s) queue URL, got "${queueUrl}"`);
  }
  const allowedOrigin = env[SIGNUP_HANDLER_ENV.allowedOrigin]?.trim() || '*';
  return { queueUrl, allowedOrigin };
}
