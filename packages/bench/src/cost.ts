import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { REPO_ROOT } from './paths.js';

/** us-east-1 list prices (no free tier), as given in issue 6. */
export const PRICES = {
  lambdaArmGbSecond: 0.0000133334,
  lambdaX86GbSecond: 0.0000166667,
  lambdaPerMillionRequests: 0.2,
  apiGatewayRestPerMillion: 3.5,
  sqsPerMillionRequests: 0.4,
  snsPublishPerMillion: 0.5,
  snsEmailPer100k: 2.0,
  logsIngestionPerGb: 0.5,
  /** Not in the issue: DynamoDB on-demand writes in us-east-1 (an assumption, the list price since Nov 2024). */
  dynamoDbPerMillionWrites: 0.625,
} as const;

/** Idempotency writes per signup: process-user's conditional PutItem and its UpdateItem (items under 1 KB). */
export const IDEMPOTENCY_WRITES_PER_SIGNUP = 2;

/** Bytes of Lambda's own JSON platform records (platform.start and platform.report) per invocation: assumed. */
export const PLATFORM_LOG_BYTES_PER_INVOCATION = 450;

export interface InfraDefaults {
  readonly signupHandlerMemoryMb: number;
  readonly processUserMemoryMb: number;
  readonly architecture: string;
  readonly batchSize: number;
  readonly publishConcurrency: number;
  readonly logLevel: string;
  readonly emailSubscribers: number;
  readonly idempotencyEnabled: boolean;
  /** Where each value came from, or the assumption made when it was missing. */
  readonly sources: string[];
}

/** Reads the `default` of each variable the cost model needs from infra/ (a regex is enough for literals). */
export async function readInfraDefaults(): Promise<InfraDefaults> {
  const sources: string[] = [];
  const read = async (file: string) => readFile(join(REPO_ROOT, file), 'utf8').catch(() => '');
  const variables = await read('infra/variables.tf');
  const functionVariables = await read('infra/modules/function/variables.tf');
  const main = await read('infra/main.tf');
  const defaultOf = (source: string, file: string, name: string, fallback: string, why: string): string => {
    const block = source.match(new RegExp(`variable "${name}" \\{([\\s\\S]*?)\\n\\}`))?.[1];
    const value = block
      ?.match(/^\s*default\s*=\s*(.+)$/m)?.[1]
      ?.trim()
      .replace(/^"(.*)"$/, '$1');
    if (value === undefined) {
      sources.push(`\`${name}\`: not found in ${file}; assumed ${fallback} (${why})`);
      return fallback;
    }
    sources.push(`\`${name}\` = ${value} (${file})`);
    return value;
  };
  const signupHandlerMemoryMb = Number(
    defaultOf(
      variables,
      'infra/variables.tf',
      'signup_handler_memory_mb',
      '256',
      'the value at the time of writing',
    ),
  );
  const processUserMemoryMb = Number(
    defaultOf(
      variables,
      'infra/variables.tf',
      'process_user_memory_mb',
      '256',
      'the value at the time of writing',
    ),
  );
  const batchSize = Number(defaultOf(variables, 'infra/variables.tf', 'batch_size', '10', 'the brief'));
  const publishConcurrency = Number(
    defaultOf(variables, 'infra/variables.tf', 'publish_concurrency', '10', 'the function default'),
  );
  const logLevel = defaultOf(variables, 'infra/variables.tf', 'log_level', 'INFO', 'Powertools default');
  const subscribersDefault = defaultOf(
    variables,
    'infra/variables.tf',
    'welcome_email_addresses',
    '[]',
    'none',
  );
  const idempotencyEnabled =
    defaultOf(variables, 'infra/variables.tf', 'idempotency_enabled', 'false', 'absent') === 'true';
  let architecture = defaultOf(
    functionVariables,
    'infra/modules/function/variables.tf',
    'architecture',
    'arm64',
    'the brief',
  );
  if (/^\s*architecture\s*=/m.test(main)) {
    architecture = 'arm64';
    sources.push('infra/main.tf sets `architecture` explicitly; assumed arm64');
  }
  // The welcome topic has no subscriber by default, but a welcome email nobody receives is not the
  // product: the model counts one subscriber (the team inbox of the README) and says so.
  const listed = subscribersDefault === '[]' ? 0 : subscribersDefault.split(',').length;
  const emailSubscribers = Math.max(1, listed);
  if (listed === 0) {
    sources.push(
      '`welcome_email_addresses` defaults to [] (no subscriber): the model assumes 1 confirmed subscriber',
    );
  }
  return {
    signupHandlerMemoryMb,
    processUserMemoryMb,
    architecture,
    batchSize,
    publishConcurrency,
    logLevel,
    emailSubscribers,
    idempotencyEnabled,
    sources,
  };
}

export interface CostInputs {
  readonly defaults: InfraDefaults;
  /** Billed duration of one signup-handler invocation, whole ms. */
  readonly signupHandlerBilledMs: number;
  /** Billed duration of one process-user invocation on a full batch, whole ms. */
  readonly processUserBilledMs: number;
  /** Application log bytes per signup, each function, measured at the deployed log level. */
  readonly signupHandlerLogBytes: number;
  readonly processUserLogBytes: number;
  readonly apiAccessLogBytes: number;
}

export interface CostScenario {
  readonly name: string;
  readonly architecture: 'arm64' | 'x86_64';
  readonly signupHandlerMemoryMb: number;
  readonly processUserMemoryMb: number;
}

export interface CostLine {
  readonly item: string;
  readonly basis: string;
  /** Dollars per million signups, one per scenario. */
  readonly dollars: number[];
}

/** Dollars per million signups, line by line, for each scenario. */
export function costPerMillion(inputs: CostInputs, scenarios: readonly CostScenario[]): CostLine[] {
  const signups = 1_000_000;
  const { batchSize, emailSubscribers } = inputs.defaults;
  const batches = signups / batchSize;
  const gbSecondPrice = (s: CostScenario) =>
    s.architecture === 'arm64' ? PRICES.lambdaArmGbSecond : PRICES.lambdaX86GbSecond;
  const gbSeconds = (invocations: number, billedMs: number, memoryMb: number) =>
    invocations * (billedMs / 1000) * (memoryMb / 1024);
  const logBytesPerSignup =
    inputs.signupHandlerLogBytes +
    inputs.processUserLogBytes +
    PLATFORM_LOG_BYTES_PER_INVOCATION * (1 + 1 / batchSize) +
    inputs.apiAccessLogBytes;
  const sqsRequests = signups + 2 * batches;
  return [
    {
      item: 'API Gateway REST requests',
      basis: `1 request per signup × $${PRICES.apiGatewayRestPerMillion}/M`,
      dollars: scenarios.map(() => PRICES.apiGatewayRestPerMillion),
    },
    {
      item: 'signup-handler requests',
      basis: `1 invocation per signup × $${PRICES.lambdaPerMillionRequests}/M`,
      dollars: scenarios.map(() => PRICES.lambdaPerMillionRequests),
    },
    {
      item: 'signup-handler compute',
      basis: `1M × ${inputs.signupHandlerBilledMs} ms billed × memory`,
      dollars: scenarios.map(
        (s) => gbSeconds(signups, inputs.signupHandlerBilledMs, s.signupHandlerMemoryMb) * gbSecondPrice(s),
      ),
    },
    {
      item: 'process-user requests',
      basis: `${batches.toLocaleString('en-US')} invocations (full batches of ${batchSize}) × $${PRICES.lambdaPerMillionRequests}/M`,
      dollars: scenarios.map(() => (batches / 1e6) * PRICES.lambdaPerMillionRequests),
    },
    {
      item: 'process-user compute',
      basis: `${batches.toLocaleString('en-US')} × ${inputs.processUserBilledMs} ms billed × memory`,
      dollars: scenarios.map(
        (s) => gbSeconds(batches, inputs.processUserBilledMs, s.processUserMemoryMb) * gbSecondPrice(s),
      ),
    },
    {
      item: 'SQS requests',
      basis: `${(sqsRequests / 1e6).toFixed(1)}M: 1 SendMessage per signup + 1 ReceiveMessage + 1 DeleteMessageBatch per batch × $${PRICES.sqsPerMillionRequests}/M`,
      dollars: scenarios.map(() => (sqsRequests / 1e6) * PRICES.sqsPerMillionRequests),
    },
    {
      item: 'SNS publishes',
      basis: `1 Publish per signup × $${PRICES.snsPublishPerMillion}/M`,
      dollars: scenarios.map(() => PRICES.snsPublishPerMillion),
    },
    {
      item: 'SNS email deliveries',
      basis: `${emailSubscribers} subscriber × 1 email per signup × $${PRICES.snsEmailPer100k.toFixed(2)}/100k`,
      dollars: scenarios.map(() => emailSubscribers * 10 * PRICES.snsEmailPer100k),
    },
    ...(inputs.defaults.idempotencyEnabled
      ? [
          {
            item: 'DynamoDB idempotency writes',
            basis: `${IDEMPOTENCY_WRITES_PER_SIGNUP} on-demand writes per signup × $${PRICES.dynamoDbPerMillionWrites}/M (assumed price)`,
            dollars: scenarios.map(() => IDEMPOTENCY_WRITES_PER_SIGNUP * PRICES.dynamoDbPerMillionWrites),
          },
        ]
      : []),
    {
      item: 'CloudWatch Logs ingestion',
      basis: `${logBytesPerSignup.toFixed(0)} B per signup × $${PRICES.logsIngestionPerGb}/GB (GB = 2^30 B)`,
      dollars: scenarios.map(() => ((signups * logBytesPerSignup) / 1024 ** 3) * PRICES.logsIngestionPerGb),
    },
  ];
}

/** One API Gateway access log line in the stage's format (infra/modules/api/main.tf) with typical values. */
export function apiAccessLogLineBytes(): number {
  const line = JSON.stringify({
    errorMessage: '-',
    httpMethod: 'POST',
    integrationLatency: '12',
    integrationStatus: '200',
    requestId: 'c6af9ac6-7b61-11e6-9a41-93e8deadbeef',
    requestTime: '1796314800000',
    resourcePath: '/signup',
    responseLatency: '15',
    responseLength: '83',
    status: '200',
  });
  return Buffer.byteLength(line) + 1;
}
