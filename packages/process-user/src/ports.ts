import type { Logger } from '@aws-lambda-powertools/logger';
import type { WelcomeEmail } from './welcome-email.js';

/** Sends the welcome email. Resolves only once the message was accepted for delivery. */
export interface WelcomePublisher {
  publish(email: WelcomeEmail): Promise<void>;
}

/** The part of the Powertools logger the function uses; tests pass a recording fake. */
export type Log = Pick<Logger, 'debug' | 'info' | 'warn' | 'error'>;
