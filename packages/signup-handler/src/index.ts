import { Logger } from '@aws-lambda-powertools/logger';
import { SQSClient } from '@aws-sdk/client-sqs';
import { SqsSignupQueue } from './adapters/sqs-signup-queue.js';
import { loadConfig } from './config.js';
import { createHandler } from './handler.js';

// Composition root: the only place that reads the environment or builds clients, once per cold start.
const config = loadConfig(process.env);
const logger = new Logger({ serviceName: 'signup-handler' });

// A stalled SQS call must fail well inside the function's 5 s timeout so the client gets a 503,
// not an API Gateway timeout: 3 attempts of at most 1 s each, plus backoff.
const sqs = new SQSClient({
  maxAttempts: 3,
  requestHandler: { connectionTimeout: 500, requestTimeout: 1000 },
});

export const handler = createHandler({
  queue: new SqsSignupQueue(sqs, config.queueUrl),
  log: logger,
  allowedOrigin: config.allowedOrigin,
});
