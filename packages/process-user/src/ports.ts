import type { Logger } from '@aws-lambda-powertools/logger';
import type { WelcomeEmail } from './welcome-email.js';

/** Sends the welcome email. Resolves only once the message was accepted for delivery. */
export interface WelcomePublisher {
  publish(email: WelcomeEmail): Promise<void>;
}

/**
 * Runs an action at most once per key within a window: the guard against a second welcome email for
 * the same signup (SQS redelivery, a client's double submit). `duplicate` means it ran before.
 */
export interface OncePerSignup {
  run(key: string, action: () => Promise<void>): Promise<'ran' | 'duplicate'>;
}

/** What the function counts, in business words; the adapter emits CloudWatch metrics. */
export interface WelcomeMetrics {
  published(): void;
  duplicateSuppressed(): void;
  publishFailed(): void;
  invalidMessage(): void;
  /** Sends what was counted during this invocation. */
  flush(): void;
}

/** The part of the Powertools logger the function uses; tests pass a recording fake. */
export type Log = Pick<Logger, 'debug' | 'info' | 'warn' | 'error'>;

/** Plain at-least-once delivery: every message publishes (idempotency switched off). */
export const RUN_EVERY_TIME: OncePerSignup = {
  run: async (_key, action) => {
    await action();
    return 'ran';
  },
};

export const NO_METRICS: WelcomeMetrics = {
  published: () => undefined,
  duplicateSuppressed: () => undefined,
  publishFailed: () => undefined,
  invalidMessage: () => undefined,
  flush: () => undefined,
};
