import { describe, expect, it } from 'vitest';

// Clients and handlers import the built package, not src/: check the artifact they get.
describe('the built @signup/schema package', () => {
  it('validates with its bundled, precompiled validators', async () => {
    // Prepare
    const schema = await import('@signup/schema');

    // Act
    const valid = schema.validateSignupRequest({ name: 'Ada', email: 'ada@example.com' });
    const tooLong = schema.validateSignupRequest({ name: 'a'.repeat(101), email: 'ada@example.com' });

    // Assess
    expect(valid).toEqual({ ok: true, value: { name: 'Ada', email: 'ada@example.com' } });
    expect(tooLong).toEqual({
      ok: false,
      errors: [{ field: 'name', message: 'name must be at most 100 characters' }],
    });
  });
});
