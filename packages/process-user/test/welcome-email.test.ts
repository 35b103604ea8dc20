import { describe, expect, it } from 'vitest';
import { renderWelcomeEmail } from '../src/welcome-email.js';

describe('renderWelcomeEmail', () => {
  it('greets the person by name with the agreed subject', () => {
    // Act
    const email = renderWelcomeEmail('Siddu', 'req-1');

    // Assess
    expect(email).toEqual({
      subject: 'Welcome to Our Platform',
      message: 'Hello Siddu, welcome to our platform!',
      requestId: 'req-1',
    });
  });

  it('leaves the request id undefined when there is none', () => {
    // Act
    const email = renderWelcomeEmail('Ada Lovelace', undefined);

    // Assess
    expect(email.message).toBe('Hello Ada Lovelace, welcome to our platform!');
    expect(email.requestId).toBeUndefined();
  });
});
