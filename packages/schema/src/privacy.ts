/**
 * Masks an email address for logs: the first character of the local part and the domain survive,
 * so support can still tell addresses apart without the log holding the address.
 *
 * @example
 * maskEmail('ada.lovelace@example.com'); // 'a***@example.com'
 */
export function maskEmail(email: string): string {
  const at = email.lastIndexOf('@');
  if (at <= 0) return '***';
  return `${email[0]}***${email.slice(at)}`;
}
