import { createSignupMessage, type FieldError, validateSignupRequest } from '@signup/schema';
import type { SignupQueue } from './ports.js';

export type SignupOutcome =
  | { readonly kind: 'accepted'; readonly requestId: string }
  | { readonly kind: 'rejected'; readonly errors: readonly FieldError[] };

export interface SignUpDeps {
  readonly queue: SignupQueue;
  readonly now: () => Date;
}

/**
 * Accepts a signup: validates the request and queues it for the welcome email.
 * A rejected request is an expected outcome; a queue that fails throws, and nothing was queued.
 *
 * @example
 * const outcome = await signUp(JSON.parse(body), { requestId }, { queue, now: () => new Date() });
 */
export async function signUp(
  request: unknown,
  { requestId }: { readonly requestId: string },
  { queue, now }: SignUpDeps,
): Promise<SignupOutcome> {
  const validation = validateSignupRequest(request);
  if (!validation.ok) return { kind: 'rejected', errors: validation.errors };

  await queue.enqueue(createSignupMessage(validation.value, { requestId, now: now() }));
  return { kind: 'accepted', requestId };
}
