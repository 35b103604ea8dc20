import { isVersionedSignupMessage, type SignupMessage } from '@signup/schema';
import { type OncePerSignup, RUN_EVERY_TIME, type WelcomePublisher } from './ports.js';
import { renderWelcomeEmail } from './welcome-email.js';

export interface ProcessUserDeps {
  readonly publisher: WelcomePublisher;
  /** The duplicate guard; without one, every message publishes. */
  readonly once?: OncePerSignup;
}

/**
 * The key of a signup for duplicate suppression: the email address, lower-cased. Within the
 * idempotency window one address gets one welcome email, however often it is submitted or delivered.
 */
export function signupKey(message: SignupMessage): string {
  return message.email.toLowerCase();
}

/**
 * Welcomes a new user: publishes the welcome email for one validated signup message, unless this
 * signup was already welcomed. Throws when the publisher fails, so the message is retried (and
 * dead-lettered in the end).
 *
 * @example
 * await processUser({ name: 'Siddu', email: 'siddu@example.com' }, { publisher });
 */
export async function processUser(
  message: SignupMessage,
  { publisher, once = RUN_EVERY_TIME }: ProcessUserDeps,
): Promise<'published' | 'duplicate'> {
  const requestId = isVersionedSignupMessage(message) ? message.requestId : undefined;
  const email = renderWelcomeEmail(message.name, requestId);
  const outcome = await once.run(signupKey(message), () => publisher.publish(email));
  return outcome === 'ran' ? 'published' : 'duplicate';
}
