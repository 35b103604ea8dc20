import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../src/config.js';

const TOPIC_ARN = 'arn:aws:sns:us-east-1:123456789012:signup-pipeline-welcome';

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
  it('reads the topic ARN and defaults the publish concurrency to 10', () => {
    // Act
    const config = loadConfig({ WELCOME_TOPIC_ARN: TOPIC_ARN });

    // Assess
    expect(config).toEqual({ topicArn: TOPIC_ARN, publishConcurrency: 10 });
  });

  it('reads a publish concurrency', () => {
    // Act
    const config = loadConfig({ WELCOME_TOPIC_ARN: ` ${TOPIC_ARN} `, PUBLISH_CONCURRENCY: ' 4 ' });

    // Assess
    expect(config).toEqual({ topicArn: TOPIC_ARN, publishConcurrency: 4 });
  });

  it('defaults a blank publish concurrency to 10', () => {
    // Act
    const config = loadConfig({ WELCOME_TOPIC_ARN: TOPIC_ARN, PUBLISH_CONCURRENCY: '' });

    // Assess
    expect(config.publishConcurrency).toBe(10);
  });

  it.each([
    ['missing', {}],
    ['blank', { WELCOME_TOPIC_ARN: '  ' }],
    ['a topic name instead of an ARN', { WELCOME_TOPIC_ARN: 'signup-pipeline-welcome' }],
  ])('throws a ConfigError naming WELCOME_TOPIC_ARN when it is %s', (_case, env) => {
    // Act
    const error = configErrorOf(env);

    // Assess
    expect(error.name).toBe('ConfigError');
    expect(error.message).toContain('WELCOME_TOPIC_ARN');
  });

  it.each([
    ['not a number', 'ten'],
    ['zero', '0'],
    ['above 10', '11'],
    ['negative', '-1'],
    ['fractional', '2.5'],
  ])('throws a ConfigError naming PUBLISH_CONCURRENCY when it is %s', (_case, value) => {
    // Act
    const error = configErrorOf({ WELCOME_TOPIC_ARN: TOPIC_ARN, PUBLISH_CONCURRENCY: value });

    // Assess
    expect(error.name).toBe('ConfigError');
    expect(error.message).toContain('PUBLISH_CONCURRENCY');
    expect(error.message).toContain(value);
  });

  it('reads the idempotency table name, trimmed', () => {
    // Act
    const config = loadConfig({
      WELCOME_TOPIC_ARN: TOPIC_ARN,
      IDEMPOTENCY_TABLE_NAME: ' signup-pipeline-idempotency ',
    });

    // Assess
    expect(config.idempotencyTableName).toBe('signup-pipeline-idempotency');
  });

  it.each([
    ['unset', {}],
    ['empty', { IDEMPOTENCY_TABLE_NAME: '' }],
    ['blank', { IDEMPOTENCY_TABLE_NAME: '   ' }],
  ])('switches the duplicate guard off when IDEMPOTENCY_TABLE_NAME is %s', (_case, env) => {
    // Act
    const config = loadConfig({ WELCOME_TOPIC_ARN: TOPIC_ARN, ...env });

    // Assess
    expect(config).toHaveProperty('idempotencyTableName', undefined);
  });
});
