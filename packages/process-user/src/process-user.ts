import { isVersionedSignupMessage, type SignupMessage } from '@signup/schema';
import type { WelcomePublisher } from './ports.js';
import { renderWelcomeEmail } from './welcome-email.js';

export interface ProcessUserDeps {
  readonly publisher: WelcomePublisher;
}

/**
 * Welcomes a new user: publishes the welcome email for one validated signup message.
 * Throws when the publisher fails, so the message is retried (and dead-lettered in the end).
 *
 * @example
 * await processUser({ name: 'Siddu', email: 'siddu@example.com' }, { publisher });
 */
export async function processUser(message: SignupMessage, { publisher }: ProcessUserDeps): Promise<void> {
  const requestId = isVersionedSignupMessage(message) ? message.requestId : undefined;
  await publisher.publish(renderWelcomeEmail(message.name, requestId));
}
