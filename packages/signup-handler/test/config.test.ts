import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../src/config.js';

const QUEUE_URL = 'https://sqs.us-east-1.amazonaws.com/123456789012/signup-pipeline-signups';

function configErrorOf(env: Record<string, string | undefined>): ConfigError {
  try {
    loadConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) return error;
    throw error;
  }
  throw new Error('loadConfig did not throw');
}

describe('loadConfig', () => {
  it('reads the queue URL and defaults the allowed origin to any origin', () => {
    // Act
    const config = loadConfig({ SIGNUP_QUEUE_URL: QUEUE_URL });

    // Assess
    expect(config).toEqual({ queueUrl: QUEUE_URL, allowedOrigin: '*' });
  });

  it('reads and trims the allowed origin', () => {
    // Act
    const config = loadConfig({
      SIGNUP_QUEUE_URL: ` ${QUEUE_URL} `,
      ALLOWED_ORIGIN: ' https://app.example.com ',
    });

    // Assess
    expect(config).toEqual({ queueUrl: QUEUE_URL, allowedOrigin: 'https://app.example.com' });
  });

  it('defaults a blank allowed origin to any origin', () => {
    // Act
    const config = loadConfig({ SIGNUP_QUEUE_URL: QUEUE_URL, ALLOWED_ORIGIN: '  ' });

    // Assess
    expect(config.allowedOrigin).toBe('*');
  });

  it.each([
    ['missing', {}],
    ['blank', { SIGNUP_QUEUE_URL: '   ' }],
    ['not a URL', { SIGNUP_QUEUE_URL: 'signup-pipeline-signups' }],
    ['an ARN instead of a URL', { SIGNUP_QUEUE_URL: 'arn:aws:sqs:us-east-1:123456789012:signups' }],
  ])('throws a ConfigError naming SIGNUP_QUEUE_URL when it is %s', (_case, env) => {
    // Act
    const error = configErrorOf(env);

    // Assess
    expect(error.name).toBe('ConfigError');
    expect(error.message).toContain('SIGNUP_QUEUE_URL');
  });
});
