/** Environment variables this function reads; Terraform sets exactly these (checked by the infra tests). */
export const PROCESS_USER_ENV = {
  topicArn: 'WELCOME_TOPIC_ARN',
  publishConcurrency: 'PUBLISH_CONCURRENCY',
  idempotencyTableName: 'IDEMPOTENCY_TABLE_NAME',
} as const;

export interface ProcessUserConfig {
  /** ARN of the SNS topic the welcome email is published to. */
  readonly topicArn: string;
  /** How many records of one batch are published at the same time (1 to 10). */
  readonly publishConcurrency: number;
  /** DynamoDB table of the duplicate guard; undefined (variable empty or unset) switches it off. */
  readonly idempotencyTableName: string | undefined;
}

export class ConfigError extends Error {
  override readonly name = 'ConfigError';
}

const DEFAULT_PUBLISH_CONCURRENCY = 10;

/**
 * Reads and validates the function's configuration once per cold start.
 *
 * @example
 * const config = loadConfig(process.env);
 */
export function loadConfig(env: Readonly<Record<string, string | undefined>>): ProcessUserConfig {
  const topicArn = env[PROCESS_USER_ENV.topicArn]?.trim();
  if (!topicArn) {
    throw new ConfigError(
      `${PROCESS_USER_ENV.topicArn} is not set: it must be the ARN of the welcome SNS topic`,
    );
  }
  if (!topicArn.startsWith('arn:')) {
    throw new ConfigError(`${PROCESS_USER_ENV.topicArn} must be an SNS topic ARN, got "${topicArn}"`);
  }
  const rawConcurrency = env[PROCESS_USER_ENV.publishConcurrency]?.trim();
  const publishConcurrency = rawConcurrency ? Number(rawConcurrency) : DEFAULT_PUBLISH_CONCURRENCY;
  if (!Number.isInteger(publishConcurrency) || publishConcurrency < 1 || publishConcurrency > 10) {
    throw new ConfigError(
      `${PROCESS_USER_ENV.publishConcurrency} must be a whole number from 1 to 10, got "${rawConcurrency}"`,
    );
  }
  const idempotencyTableName = env[PROCESS_USER_ENV.idempotencyTableName]?.trim() || undefined;
  return { topicArn, publishConcurrency, idempotencyTableName };
}
