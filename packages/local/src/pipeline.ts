import { createRequire } from 'node:module';
import {
  GetQueueAttributesCommand,
  ListMessageMoveTasksCommand,
  SQSClient,
  StartMessageMoveTaskCommand,
} from '@aws-sdk/client-sqs';
import { type ApiGateway, type RequestRecord, startApiGateway } from './api-gateway.js';
import { type DeadLetter, peekQueue } from './console/dlq.js';
import { LOCAL_REGION, TERRAFORM_DEFAULTS } from './defaults.js';
import { startLocalDynamoDb } from './dynamodb.js';
import {
  type BatchReport,
  type EventSourceMapping,
  startEventSourceMapping,
} from './event-source-mapping.js';
import { createFaultInjector, type FaultInjector, type FaultOptions, NO_FAULTS } from './faults.js';
import { LambdaFunction } from './lambda-host.js';
import { createLocalRoutes } from './local-routes.js';
import { Outbox, type OutboxEmail } from './outbox.js';
import { type LocalSns, startLocalSns } from './sns.js';
import { type LocalSqs, startLocalSqs } from './sqs.js';

export interface LocalPipelineOptions {
  readonly host?: string;
  /** Port of the API; 0 picks a free one (tests). */
  readonly port?: number;
  /** The built handler bundles; by default those of the workspace packages. */
  readonly bundles?: { readonly signupHandler: string; readonly processUser: string };
  /** Email subscribers of the welcome topic (each gets every welcome email). */
  readonly subscribers?: readonly string[];
  /** Folder for `.eml` files; none written when undefined. */
  readonly outboxDirectory?: string;
  readonly allowedOrigin?: string;
  readonly logLevel?: string;
  readonly visibilityTimeoutSeconds?: number;
  readonly maxReceiveCount?: number;
  readonly batchSize?: number;
  readonly maximumBatchingWindowSeconds?: number;
  readonly pollers?: number;
  readonly signupHandlerTimeoutSeconds?: number;
  readonly processUserTimeoutSeconds?: number;
  readonly faults?: Partial<FaultOptions>;
  /** One welcome email per address (Powertools idempotency on local DynamoDB); on by default, as deployed. */
  readonly idempotency?: boolean;
  /** Extra environment for the functions, e.g. to switch a feature. */
  readonly functionEnvironment?: Readonly<Record<string, string>>;
  readonly onLogLine?: (functionName: string, line: string) => void;
  readonly onEmail?: (email: OutboxEmail) => void;
  readonly onRequest?: (record: RequestRecord) => void;
  readonly onBatch?: (report: BatchReport) => void;
}

export interface QueueDepth {
  readonly visible: number;
  readonly inFlight: number;
}

export interface LocalPipeline {
  /** Base URL of the API: `POST ${url}/signup`. */
  readonly url: string;
  readonly queueUrl: string;
  readonly dlqUrl: string;
  readonly sqsEndpoint: string;
  readonly snsEndpoint: string;
  readonly topicArn: string;
  readonly outbox: Outbox;
  readonly signupHandler: LambdaFunction;
  readonly processUser: LambdaFunction;
  readonly eventSourceMapping: EventSourceMapping;
  readonly sns: LocalSns;
  /** The injected faults, changeable while the pipeline runs. */
  readonly faults: FaultInjector;
  /** The most recent API requests, newest last. */
  recentRequests(): readonly RequestRecord[];
  queueDepths(): Promise<{ queue: QueueDepth; dlq: QueueDepth }>;
  /** The DLQ's depth and up to 10 of its messages, left in place (the local console's view). */
  peekDlq(): Promise<{ depth: QueueDepth; messages: readonly DeadLetter[] }>;
  /** Moves every dead-lettered message back to the signup queue (SQS StartMessageMoveTask). */
  redriveDlq(): Promise<{ taskHandle: string }>;
  stop(): Promise<void>;
}

const LOCAL_CREDENTIALS = { AWS_ACCESS_KEY_ID: 'local', AWS_SECRET_ACCESS_KEY: 'local' } as const;

/** Where the workspace's handler bundles are, resolved through the packages' `lambda` exports. */
export function defaultBundles(): { signupHandler: string; processUser: string } {
  const require = createRequire(import.meta.url);
  return {
    signupHandler: require.resolve('@signup/signup-handler/lambda'),
    processUser: require.resolve('@signup/process-user/lambda'),
  };
}

/**
 * Starts the whole pipeline on loopback: API Gateway emulation -> signup-handler -> SQS (+DLQ) ->
 * event source mapping -> process-user -> SNS -> email outbox. The functions are the built bundles,
 * run on the production code path; only endpoints and environment differ.
 *
 * @example
 * const pipeline = await startLocalPipeline({ port: 0 });
 * await fetch(`${pipeline.url}/signup`, { method: 'POST', body: JSON.stringify({ name, email }) });
 */
export async function startLocalPipeline(options: LocalPipelineOptions = {}): Promise<LocalPipeline> {
  const host = options.host ?? '127.0.0.1';
  const settings = {
    visibilityTimeoutSeconds: options.visibilityTimeoutSeconds ?? TERRAFORM_DEFAULTS.visibilityTimeoutSeconds,
    maxReceiveCount: options.maxReceiveCount ?? TERRAFORM_DEFAULTS.maxReceiveCount,
    batchSize: options.batchSize ?? TERRAFORM_DEFAULTS.batchSize,
    maximumBatchingWindowSeconds:
      options.maximumBatchingWindowSeconds ?? TERRAFORM_DEFAULTS.maximumBatchingWindowSeconds,
    pollers: options.pollers ?? TERRAFORM_DEFAULTS.maximumConcurrency,
  };
  const faults = createFaultInjector({ ...NO_FAULTS, ...options.faults });
  const bundles = options.bundles ?? defaultBundles();
  const onLogLine = options.onLogLine ?? ((_name: string, line: string) => console.log(line));
  const outbox = new Outbox({
    directory: options.outboxDirectory,
    ...(options.onEmail ? { onEmail: options.onEmail } : {}),
  });
  const stack: Array<() => Promise<void>> = [];
  const stopAll = async () => {
    for (const stop of stack.reverse()) await stop().catch(() => undefined);
    stack.length = 0;
  };

  try {
    const sqs: LocalSqs = await startLocalSqs({ host, ...settings, faults });
    stack.push(() => sqs.close());
    const sns = await startLocalSns({
      host,
      subscribers: options.subscribers ?? ['team@example.com'],
      outbox,
      faults,
    });
    stack.push(() => sns.close());
    const dynamoDb = options.idempotency === false ? undefined : await startLocalDynamoDb({ host });
    if (dynamoDb) stack.push(() => dynamoDb.close());

    const commonEnvironment = {
      ...LOCAL_CREDENTIALS,
      AWS_REGION: LOCAL_REGION,
      AWS_DEFAULT_REGION: LOCAL_REGION,
      AWS_EC2_METADATA_DISABLED: 'true',
      AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
      POWERTOOLS_LOG_LEVEL: options.logLevel ?? 'INFO',
      POWERTOOLS_METRICS_NAMESPACE: 'SignupPipeline',
      POWERTOOLS_TRACE_ENABLED: 'false',
      TZ: 'UTC',
      ...options.functionEnvironment,
    };
    const signupHandler = new LambdaFunction({
      functionName: 'signup-handler',
      bundlePath: bundles.signupHandler,
      timeoutSeconds: options.signupHandlerTimeoutSeconds ?? TERRAFORM_DEFAULTS.signupHandlerTimeoutSeconds,
      onLogLine,
      environment: {
        ...commonEnvironment,
        POWERTOOLS_SERVICE_NAME: 'signup-handler',
        AWS_ENDPOINT_URL_SQS: sqs.endpoint,
        SIGNUP_QUEUE_URL: sqs.queueUrl,
        ALLOWED_ORIGIN: options.allowedOrigin ?? '*',
      },
    });
    stack.push(() => signupHandler.stop());
    const processUser = new LambdaFunction({
      functionName: 'process-user',
      bundlePath: bundles.processUser,
      timeoutSeconds: options.processUserTimeoutSeconds ?? TERRAFORM_DEFAULTS.processUserTimeoutSeconds,
      onLogLine,
      environment: {
        ...commonEnvironment,
        POWERTOOLS_SERVICE_NAME: 'process-user',
        AWS_ENDPOINT_URL_SNS: sns.endpoint,
        WELCOME_TOPIC_ARN: sns.topicArn,
        IDEMPOTENCY_TABLE_NAME: dynamoDb?.tableName ?? '',
        ...(dynamoDb ? { AWS_ENDPOINT_URL_DYNAMODB: dynamoDb.endpoint } : {}),
      },
    });
    stack.push(() => processUser.stop());
    for (const fn of [signupHandler, processUser]) {
      const initError = await fn.warmUp();
      if (initError) throw new Error(`${fn.name} failed to start: ${initError.name}: ${initError.message}`);
    }

    const sqsClient = new SQSClient({
      region: LOCAL_REGION,
      endpoint: sqs.endpoint,
      credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
    });
    stack.push(async () => sqsClient.destroy());
    const eventSourceMapping = startEventSourceMapping({
      sqs: sqsClient,
      queueUrl: sqs.queueUrl,
      queueArn: sqs.queueArn,
      function: processUser,
      batchSize: settings.batchSize,
      maximumBatchingWindowSeconds: settings.maximumBatchingWindowSeconds,
      pollers: settings.pollers,
      ...(options.onBatch ? { onBatch: options.onBatch } : {}),
    });
    stack.push(() => eventSourceMapping.stop());

    const requests: RequestRecord[] = [];
    const depthOf = async (queueUrl: string): Promise<QueueDepth> => {
      const { Attributes } = await sqsClient.send(
        new GetQueueAttributesCommand({
          QueueUrl: queueUrl,
          AttributeNames: ['ApproximateNumberOfMessages', 'ApproximateNumberOfMessagesNotVisible'],
        }),
      );
      // local-aws-sqs counts in-flight messages in ApproximateNumberOfMessages too (SQS does not).
      const inFlight = Number(Attributes?.ApproximateNumberOfMessagesNotVisible ?? 0);
      const all = Number(Attributes?.ApproximateNumberOfMessages ?? 0);
      return { visible: Math.max(0, all - inFlight), inFlight };
    };

    const pipeline: LocalPipeline = {
      url: '',
      queueUrl: sqs.queueUrl,
      dlqUrl: sqs.dlqUrl,
      sqsEndpoint: sqs.endpoint,
      snsEndpoint: sns.endpoint,
      topicArn: sns.topicArn,
      outbox,
      signupHandler,
      processUser,
      eventSourceMapping,
      sns,
      faults,
      recentRequests: () => [...requests],
      queueDepths: async () => ({ queue: await depthOf(sqs.queueUrl), dlq: await depthOf(sqs.dlqUrl) }),
      peekDlq: async () => {
        const depth = await depthOf(sqs.dlqUrl);
        return { depth, messages: depth.visible > 0 ? await peekQueue(sqsClient, sqs.dlqUrl) : [] };
      },
      redriveDlq: async () => {
        const running = await sqsClient.send(new ListMessageMoveTasksCommand({ SourceArn: sqs.dlqArn }));
        const active = running.Results?.find((task) => task.Status === 'RUNNING');
        if (active?.TaskHandle) return { taskHandle: active.TaskHandle };
        const started = await sqsClient.send(new StartMessageMoveTaskCommand({ SourceArn: sqs.dlqArn }));
        return { taskHandle: started.TaskHandle ?? '' };
      },
      stop: stopAll,
    };

    const api: ApiGateway = await startApiGateway({
      host,
      port: options.port ?? 3000,
      routes: [{ path: '/signup', methods: ['POST', 'OPTIONS'], function: signupHandler }],
      localRoutes: createLocalRoutes(pipeline),
      onRequest: (record) => {
        requests.push(record);
        if (requests.length > 200) requests.shift();
        options.onRequest?.(record);
      },
    });
    stack.push(() => api.close());
    return Object.assign(pipeline, { url: api.url });
  } catch (error) {
    await stopAll();
    throw error;
  }
}
