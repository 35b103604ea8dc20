export const WELCOME_SUBJECT = 'Welcome to Our Platform';

export interface WelcomeEmail {
  readonly subject: string;
  /** Plain text; the name is validated by the schema (no control characters or line breaks). */
  readonly message: string;
  /** The signup's correlation id, when the queue message carried one. */
  readonly requestId: string | undefined;
}

/**
 * @example
 * renderWelcomeEmail('Siddu', 'req-1').message; // 'Hello Siddu, welcome to our platform!'
 */
export function renderWelcomeEmail(name: string, requestId: string | undefined): WelcomeEmail {
  return { subject: WELCOME_SUBJECT, message: `Hello ${name}, welcome to our platform!`, requestId };
}
