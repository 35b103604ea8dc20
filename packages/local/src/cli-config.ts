import { join } from 'node:path';
import type { LocalPipelineOptions } from './pipeline.js';

export class CliConfigError extends Error {
  override readonly name = 'CliConfigError';
}

/** The variables `make dev` understands, with what each does (printed by `--help`). */
export const CLI_VARIABLES = {
  PORT: 'API port (default 3000)',
  LOCAL_EMAIL_SUBSCRIBERS: 'comma-separated subscribers of the welcome topic (default team@example.com)',
  LOCAL_OUTBOX_DIR: 'folder for .eml files (default .local/outbox)',
  LOG_LEVEL: 'functions log level: DEBUG, INFO, WARN, ERROR (default INFO)',
  ALLOWED_ORIGIN: 'CORS allowed origin(s) of signup-handler (default *)',
  LOCAL_VISIBILITY_TIMEOUT: 'queue visibility timeout in seconds (default 60, as deployed)',
  LOCAL_MAX_RECEIVE_COUNT: 'receives before a message is dead-lettered (default 5)',
  LOCAL_SNS_FAILURE_RATE: 'share of SNS publishes that fail, 0 to 1 (default 0)',
  LOCAL_SNS_LATENCY_MS: 'added latency of every SNS publish in ms (default 0)',
  LOCAL_SQS_SEND_FAILURE_RATE: 'share of SQS sends that fail, 0 to 1 (default 0)',
  LOCAL_WATCH: 'rebuild and reload a handler when its source changes: true or false (default true)',
} as const;

/** Reads the `make dev` configuration from the environment, failing clearly on a bad value. */
export function readCliConfig(
  env: Readonly<Record<string, string | undefined>>,
  cwd: string,
): LocalPipelineOptions {
  const number = (name: keyof typeof CLI_VARIABLES, min: number, max: number): number | undefined => {
    const raw = env[name]?.trim();
    if (!raw) return undefined;
    const value = Number(raw);
    if (!Number.isFinite(value) || value < min || value > max) {
      throw new CliConfigError(`${name} must be a number from ${min} to ${max}, got "${raw}"`);
    }
    return value;
  };
  const logLevel = env.LOG_LEVEL?.trim().toUpperCase() || 'INFO';
  if (!['DEBUG', 'INFO', 'WARN', 'ERROR', 'SILENT'].includes(logLevel)) {
    throw new CliConfigError(`LOG_LEVEL must be DEBUG, INFO, WARN or ERROR, got "${env.LOG_LEVEL}"`);
  }
  const subscribers = (env.LOCAL_EMAIL_SUBSCRIBERS ?? 'team@example.com')
    .split(',')
    .map((address) => address.trim())
    .filter(Boolean);
  const optional = <K extends string, V>(key: K, value: V | undefined) =>
    (value === undefined ? {} : { [key]: value }) as Partial<Record<K, V>>;
  return {
    port: number('PORT', 0, 65_535) ?? 3000,
    subscribers,
    outboxDirectory: env.LOCAL_OUTBOX_DIR?.trim() || join(cwd, '.local', 'outbox'),
    logLevel,
    allowedOrigin: env.ALLOWED_ORIGIN?.trim() || '*',
    ...optional('visibilityTimeoutSeconds', number('LOCAL_VISIBILITY_TIMEOUT', 0, 43_200)),
    ...optional('maxReceiveCount', number('LOCAL_MAX_RECEIVE_COUNT', 1, 1000)),
    faults: {
      snsFailureRate: number('LOCAL_SNS_FAILURE_RATE', 0, 1) ?? 0,
      snsLatencyMs: number('LOCAL_SNS_LATENCY_MS', 0, 60_000) ?? 0,
      sqsSendFailureRate: number('LOCAL_SQS_SEND_FAILURE_RATE', 0, 1) ?? 0,
    },
  };
}
