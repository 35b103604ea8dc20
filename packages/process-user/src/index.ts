import { DynamoDBPersistenceLayer } from '@aws-lambda-powertools/idempotency/dynamodb';
import { Logger } from '@aws-lambda-powertools/logger';
import { Metrics } from '@aws-lambda-powertools/metrics';
import { SNSClient } from '@aws-sdk/client-sns';
import type { Context } from 'aws-lambda';
import { PowertoolsOncePerSignup } from './adapters/powertools-once-per-signup.js';
import { PowertoolsWelcomeMetrics } from './adapters/powertools-welcome-metrics.js';
import { SnsWelcomePublisher } from './adapters/sns-welcome-publisher.js';
import { loadConfig } from './config.js';
import { createHandler } from './handler.js';
import { IDEMPOTENCY_WINDOW_SECONDS, RECORD_TIME_BUDGET_MS, SDK_CALL_LIMITS } from './time-budget.js';
import { enableTracing } from './tracing.js';

// Composition root: the only place that reads the environment or builds clients, once per cold start.
const config = loadConfig(process.env);
const logger = new Logger({ serviceName: 'process-user' });
const metrics = new Metrics({ serviceName: 'process-user', defaultDimensions: {} });

const sns = new SNSClient(SDK_CALL_LIMITS);
await enableTracing(process.env, [sns]);

const once = config.idempotencyTableName
  ? new PowertoolsOncePerSignup(
      new DynamoDBPersistenceLayer({ tableName: config.idempotencyTableName, clientConfig: SDK_CALL_LIMITS }),
      IDEMPOTENCY_WINDOW_SECONDS,
    )
  : undefined;

const processBatch = createHandler({
  publisher: new SnsWelcomePublisher(sns, config.topicArn),
  log: logger,
  ...(once ? { once } : {}),
  metrics: new PowertoolsWelcomeMetrics(metrics),
  publishConcurrency: config.publishConcurrency,
  minRemainingMillis: RECORD_TIME_BUDGET_MS,
});

export const handler = async (event: unknown, context: Context) => {
  once?.registerLambdaContext(context);
  return processBatch(event, context);
};
