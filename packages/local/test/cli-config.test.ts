import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CliConfigError, readCliConfig } from '../src/cli-config.js';

const CWD = '/srv/project';

describe('readCliConfig', () => {
  it('uses the defaults when nothing is set', () => {
    // Act
    const config = readCliConfig({}, CWD);

    // Assess
    expect(config).toEqual({
      port: 3000,
      subscribers: ['team@example.com'],
      outboxDirectory: join(CWD, '.local', 'outbox'),
      logLevel: 'INFO',
      allowedOrigin: '*',
      faults: { snsFailureRate: 0, snsLatencyMs: 0, sqsSendFailureRate: 0 },
    });
  });

  it('treats blank values as unset', () => {
    // Act
    const config = readCliConfig({ PORT: ' ', LOG_LEVEL: '', LOCAL_OUTBOX_DIR: '  ' }, CWD);

    // Assess
    expect(config.port).toBe(3000);
    expect(config.logLevel).toBe('INFO');
    expect(config.outboxDirectory).toBe(join(CWD, '.local', 'outbox'));
  });

  it('reads every override', () => {
    // Prepare
    const env = {
      PORT: '8080',
      LOCAL_EMAIL_SUBSCRIBERS: ' a@example.com, b@example.com ,,',
      LOCAL_OUTBOX_DIR: '/tmp/mails',
      LOG_LEVEL: 'debug',
      ALLOWED_ORIGIN: 'https://app.example.com',
      LOCAL_VISIBILITY_TIMEOUT: '30',
      LOCAL_MAX_RECEIVE_COUNT: '2',
      LOCAL_SNS_FAILURE_RATE: '0.25',
      LOCAL_SNS_LATENCY_MS: '150',
      LOCAL_SQS_SEND_FAILURE_RATE: '1',
    };

    // Act
    const config = readCliConfig(env, CWD);

    // Assess
    expect(config).toEqual({
      port: 8080,
      subscribers: ['a@example.com', 'b@example.com'],
      outboxDirectory: '/tmp/mails',
      logLevel: 'DEBUG',
      allowedOrigin: 'https://app.example.com',
      visibilityTimeoutSeconds: 30,
      maxReceiveCount: 2,
      faults: { snsFailureRate: 0.25, snsLatencyMs: 150, sqsSendFailureRate: 1 },
    });
  });

  it.each([
    ['PORT', '70000', 'PORT must be a number from 0 to 65535, got "70000"'],
    ['PORT', 'abc', 'PORT must be a number from 0 to 65535, got "abc"'],
    ['LOCAL_SNS_FAILURE_RATE', '1.5', 'LOCAL_SNS_FAILURE_RATE must be a number from 0 to 1, got "1.5"'],
    [
      'LOCAL_SQS_SEND_FAILURE_RATE',
      '-0.1',
      'LOCAL_SQS_SEND_FAILURE_RATE must be a number from 0 to 1, got "-0.1"',
    ],
    ['LOCAL_SNS_LATENCY_MS', '60001', 'LOCAL_SNS_LATENCY_MS must be a number from 0 to 60000, got "60001"'],
    ['LOCAL_MAX_RECEIVE_COUNT', '0', 'LOCAL_MAX_RECEIVE_COUNT must be a number from 1 to 1000, got "0"'],
    [
      'LOCAL_VISIBILITY_TIMEOUT',
      '43201',
      'LOCAL_VISIBILITY_TIMEOUT must be a number from 0 to 43200, got "43201"',
    ],
  ])('rejects %s=%s with a CliConfigError naming the variable and range', (name, value, message) => {
    // Act
    const read = () => readCliConfig({ [name]: value }, CWD);

    // Assess
    expect(read).toThrow(CliConfigError);
    expect(read).toThrow(message);
  });

  it('rejects an unknown LOG_LEVEL with a CliConfigError listing the levels', () => {
    // Act
    let caught: unknown;
    try {
      readCliConfig({ LOG_LEVEL: 'verbose' }, CWD);
    } catch (error) {
      caught = error;
    }

    // Assess
    expect(caught).toBeInstanceOf(CliConfigError);
    expect((caught as Error).name).toBe('CliConfigError');
    expect((caught as Error).message).toBe('LOG_LEVEL must be DEBUG, INFO, WARN or ERROR, got "verbose"');
  });
});
