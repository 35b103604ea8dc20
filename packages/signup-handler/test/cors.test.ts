import { describe, expect, it } from 'vitest';
import { corsHeaders } from '../src/cors.js';

describe('corsHeaders', () => {
  it('allows any origin with a wildcard and does not vary by origin', () => {
    // Act
    const headers = corsHeaders('*', 'https://app.example.com');

    // Assess
    expect(headers).toEqual({
      'Access-Control-Allow-Origin': '*',
      'Access-Control-Allow-Methods': 'OPTIONS,POST',
      'Access-Control-Allow-Headers': 'Content-Type',
      'Access-Control-Expose-Headers': 'Retry-After',
    });
  });

  it('echoes a request origin that is on the allowed list', () => {
    // Act
    const headers = corsHeaders(
      'https://app.example.com, https://admin.example.com',
      'https://admin.example.com',
    );

    // Assess
    expect(headers['Access-Control-Allow-Origin']).toBe('https://admin.example.com');
    expect(headers.Vary).toBe('Origin');
  });

  it('allows no origin when the request origin is not on the list', () => {
    // Act
    const headers = corsHeaders('https://app.example.com', 'https://evil.example.com');

    // Assess
    expect(headers).not.toHaveProperty('Access-Control-Allow-Origin');
    expect(headers.Vary).toBe('Origin');
    expect(headers['Access-Control-Allow-Methods']).toBe('OPTIONS,POST');
  });

  it('allows no origin when a list is configured and the request has no origin', () => {
    // Act
    const headers = corsHeaders('https://app.example.com', undefined);

    // Assess
    expect(headers).not.toHaveProperty('Access-Control-Allow-Origin');
    expect(headers.Vary).toBe('Origin');
  });

  it('does not match an origin that only shares a prefix with an allowed one', () => {
    // Act
    const headers = corsHeaders('https://app.example.com', 'https://app.example.com.evil.net');

    // Assess
    expect(headers).not.toHaveProperty('Access-Control-Allow-Origin');
  });
});
