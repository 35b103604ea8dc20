import { describe, expect, it } from 'vitest';
import { maskEmail } from '../src/index.js';

describe('maskEmail', () => {
  it.each([
    ['ada.lovelace@example.com', 'a***@example.com'],
    ['a@example.com', 'a***@example.com'],
    ['weird@name@example.com', 'w***@example.com'],
    ['no-at-sign', '***'],
    ['@example.com', '***'],
  ])('masks %s as %s', (email, masked) => {
    // Act
    const result = maskEmail(email);

    // Assess
    expect(result).toBe(masked);
    expect(result).not.toContain(email.split('@')[0]?.slice(1) || '\u0000');
  });
});
