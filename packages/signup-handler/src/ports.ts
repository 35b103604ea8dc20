import type { Logger } from '@aws-lambda-powertools/logger';
import type { SignupMessageV1 } from '@signup/schema';

/** Where accepted signups go. Resolves only once the queue has durably accepted the message. */
export interface SignupQueue {
  enqueue(message: SignupMessageV1): Promise<void>;
}

/** The part of the Powertools logger the function uses; tests pass a recording fake. */
export type Log = Pick<Logger, 'debug' | 'info' | 'warn' | 'error'>;
