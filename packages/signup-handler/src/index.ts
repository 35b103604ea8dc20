import { Logger } from '@aws-lambda-powertools/logger';
import { Metrics } from '@aws-lambda-powertools/metrics';
import { SQSClient } from '@aws-sdk/client-sqs';
import { PowertoolsSignupMetrics } from './adapters/powertools-signup-metrics.js';
import { SqsSignupQueue } from './adapters/sqs-signup-queue.js';
import { loadConfig } from './config.js';
import { createHandler } from './handler.js';
import { enableTracing } from './tracing.js';

// Composition root: the only place that reads the environment or builds clients, once per cold start.
const config = loadConfig(process.env);
const logger = new Logger({ serviceName: 'signup-handler' });
const metrics = new Metrics({ serviceName: 'signup-handler', defaultDimensions: {} });

// A stalled SQS call must fail well inside the function's 5 s timeout so the client gets a 503,
// not an API Gateway timeout: 3 attempts of at most 1 s each, plus backoff.
const sqs = new SQSClient({
  maxAttempts: 3,
  requestHandler: { connectionTimeout: 500, requestTimeout: 1000 },
});
await enableTracing(process.env, [sqs]);

export const handler = createHandler({
  queue: new SqsSignupQueue(sqs, config.queueUrl),
  log: logger,
  metrics: new PowertoolsSignupMetrics(metrics),
  allowedOrigin: config.allowedOrigin,
});
