import type { Logger } from '@aws-lambda-powertools/logger';
import type { SignupMessageV1 } from '@signup/schema';

/** Where accepted signups go. Resolves only once the queue has durably accepted the message. */
export interface SignupQueue {
  enqueue(message: SignupMessageV1): Promise<void>;
}

/** The part of the Powertools logger the function uses; tests pass a recording fake. */
export type Log = Pick<Logger, 'debug' | 'info' | 'warn' | 'error'>;

/** Why a request was refused, as counted in the `SignupRejected` metric's `reason` dimension. */
export type RejectionReason =
  | 'invalid'
  | 'invalid-json'
  | 'missing-body'
  | 'not-utf8'
  | 'too-large'
  | 'unsupported-media-type';

/** What the function counts, in business words; the adapter emits CloudWatch metrics. */
export interface SignupMetrics {
  accepted(): void;
  rejected(reason: RejectionReason): void;
  queueSendFailed(): void;
  /** Sends what was counted during this invocation. */
  flush(): void;
}

export const NO_METRICS: SignupMetrics = {
  accepted: () => undefined,
  rejected: () => undefined,
  queueSendFailed: () => undefined,
  flush: () => undefined,
};
