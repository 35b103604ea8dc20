/** Trims surrounding white space; the name is otherwise kept exactly as the person wrote it. */
export function normalizeName(name: string): string {
  return name.trim();
}

/** Trims the address and lower-cases its domain, which is case-insensitive; the local part may not be. */
export function normalizeEmail(email: string): string {
  const trimmed = email.trim();
  const at = trimmed.lastIndexOf('@');
  return at < 0 ? trimmed : trimmed.slice(0, at + 1) + trimmed.slice(at + 1).toLowerCase();
}
