import { Logger } from '@aws-lambda-powertools/logger';
import { SNSClient } from '@aws-sdk/client-sns';
import { SnsWelcomePublisher } from './adapters/sns-welcome-publisher.js';
import { loadConfig } from './config.js';
import { createHandler } from './handler.js';

// Composition root: the only place that reads the environment or builds clients, once per cold start.
const config = loadConfig(process.env);
const logger = new Logger({ serviceName: 'process-user' });

// A stalled SNS call must give up well before the function's timeout so the batch can report it:
// 3 attempts of at most 2 s each, plus backoff, stay under the 3 s-per-record start budget's margin.
const sns = new SNSClient({
  maxAttempts: 3,
  requestHandler: { connectionTimeout: 500, requestTimeout: 2000 },
});

export const handler = createHandler({
  publisher: new SnsWelcomePublisher(sns, config.topicArn),
  log: logger,
  publishConcurrency: config.publishConcurrency,
});
