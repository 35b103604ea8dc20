import { EvaluationError, type Value } from '../evaluate';
import {
  type Block,
  blocksOf,
  type Configuration,
  expressionOf,
  type ModuleCall,
  resourcesOfType,
  type TfModule,
  where,
} from '../hcl';
import { acceptedByValidations, evaluateIn } from './values';

/** Lambda's rule for SQS consumers: visibility timeout >= 6 x function timeout + batching window. */
export const VISIBILITY_TIMEOUT_FACTOR = 6;

const TIMEOUTS = [1, 3, 10, 30, 60, 300, 900];
const WINDOWS = [0, 1, 20, 300];
const OVERRIDES: Value[] = [null, 0, 5, 30, 60, 180, 900, 43200];

interface QueueConsumer {
  readonly call: ModuleCall;
  readonly queueName: string;
  readonly queue: Block;
  readonly mapping: Block;
}

function queueConsumers(config: Configuration): QueueConsumer[] {
  return config.calls.flatMap((call) =>
    Object.values(call.module.resources.aws_lambda_event_source_mapping ?? {}).flatMap((mapping) => {
      const queueName = /^aws_sqs_queue\.([\w-]+)\.arn$/.exec(
        expressionOf(mapping.event_source_arn) ?? '',
      )?.[1];
      const queue = queueName ? call.module.resources.aws_sqs_queue?.[queueName] : undefined;
      return queueName && queue ? [{ call, queueName, queue, mapping }] : [];
    }),
  );
}

function variableOf(value: unknown): string | undefined {
  return /^var\.([\w-]+)$/.exec(expressionOf(value as string) ?? '')?.[1];
}

function preconditionsHold(module: TfModule, body: Block, variables: Record<string, Value>): boolean {
  const conditions = blocksOf(body, 'lifecycle').flatMap((lifecycle) => blocksOf(lifecycle, 'precondition'));
  return conditions.every((condition) => evaluateIn(module, condition.condition, variables) === true);
}

/**
 * The queue a Lambda consumes keeps each message invisible for at least 6 x the consumer's timeout plus the
 * batching window, whatever valid values the variables take: the value is derived, and an override that
 * breaks the rule fails the plan (a precondition). The consumer's timeout must be wired from the very
 * expression that sets the function's timeout.
 *
 * @example
 * checkVisibilityTimeout(config); // ['infra/modules/queue aws_sqs_queue.this: visibility timeout 30 s < 6 x 30 s + 0 s ...']
 */
export function checkVisibilityTimeout(config: Configuration): string[] {
  const consumers = queueConsumers(config);
  if (consumers.length === 0)
    return [`${where(config, config.root)}: no module with an SQS event source mapping`];
  const violations: string[] = [];
  for (const { call, queueName, queue, mapping } of consumers) {
    const at = where(config, call.module, `aws_sqs_queue.${queueName}`);
    const functionVariable = variableOf(mapping.function_name);
    const functionCall = /\bmodule\.([\w-]+)\./.exec(String(call.args[functionVariable ?? ''] ?? ''))?.[1];
    const functionTimeout = functionCall ? call.caller.moduleCalls[functionCall]?.timeout_seconds : undefined;
    const timeoutVariable = Object.keys(call.args).find(
      (name) =>
        functionTimeout !== undefined && JSON.stringify(call.args[name]) === JSON.stringify(functionTimeout),
    );
    if (!functionCall || functionTimeout === undefined || !timeoutVariable) {
      violations.push(
        `${at}: the module must receive the consumer function's timeout_seconds (the expression the function gets)`,
      );
      continue;
    }
    const windowVariable = variableOf(mapping.maximum_batching_window_in_seconds);
    const literalWindow = mapping.maximum_batching_window_in_seconds;
    const windows = windowVariable ? WINDOWS : [typeof literalWindow === 'number' ? literalWindow : 0];
    const overrideVariables = Object.entries(call.module.variables)
      .filter(
        ([name, body]) =>
          name !== timeoutVariable &&
          name !== windowVariable &&
          expressionOf(body.type) === 'number' &&
          body.default === null,
      )
      .map(([name]) => name);
    for (const timeout of TIMEOUTS) {
      for (const window of windows) {
        for (const override of OVERRIDES) {
          const variables: Record<string, Value> = { [timeoutVariable]: timeout };
          if (windowVariable) variables[windowVariable] = window;
          for (const name of overrideVariables) variables[name] = override;
          const valid = Object.entries(variables).every(([name, value]) =>
            acceptedByValidations(call.module, name, value),
          );
          if (!valid) continue;
          const minimum = VISIBILITY_TIMEOUT_FACTOR * timeout + window;
          try {
            if (!preconditionsHold(call.module, queue, variables)) continue;
            const visibility = evaluateIn(call.module, queue.visibility_timeout_seconds ?? 30, variables);
            if (typeof visibility !== 'number' || visibility < minimum) {
              const scenario = JSON.stringify(variables);
              violations.push(
                `${at}: visibility timeout ${visibility} s < ${VISIBILITY_TIMEOUT_FACTOR} x ${timeout} s + ${window} s with ${scenario}, and no precondition stops the plan`,
              );
              return violations;
            }
          } catch (error) {
            if (!(error instanceof EvaluationError)) throw error;
            violations.push(`${at}: cannot evaluate the visibility timeout (${error.message})`);
            return violations;
          }
        }
      }
    }
  }
  return violations;
}

/**
 * Every SQS event source mapping reports partial batch failures (`ReportBatchItemFailures`), caps its
 * concurrency, and sets its batch size and batching window.
 */
export function checkEventSourceMappings(config: Configuration): string[] {
  const mappings = resourcesOfType(config, 'aws_lambda_event_source_mapping');
  if (mappings.length === 0) return [`${where(config, config.root)}: no aws_lambda_event_source_mapping`];
  const violations: string[] = [];
  for (const { module, name, body } of mappings) {
    const at = where(config, module, `aws_lambda_event_source_mapping.${name}`);
    if (JSON.stringify(body.function_response_types) !== JSON.stringify(['ReportBatchItemFailures'])) {
      violations.push(`${at}: function_response_types must be ["ReportBatchItemFailures"]`);
    }
    if (blocksOf(body, 'scaling_config')[0]?.maximum_concurrency === undefined) {
      violations.push(`${at}: scaling_config.maximum_concurrency is not set`);
    }
    for (const attribute of ['batch_size', 'maximum_batching_window_in_seconds']) {
      if (body[attribute] === undefined) violations.push(`${at}: ${attribute} is not set`);
    }
  }
  return violations;
}

const FOURTEEN_DAYS = 1_209_600;

/**
 * Every queue that is not itself a DLQ dead-letters into a DLQ of the same module after
 * `var.max_receive_count` receives; the DLQ accepts only that queue (`redrive_allow_policy` byQueue) and
 * keeps messages 14 days; `max_receive_count` defaults to the expected value.
 */
export function checkDeadLetterQueues(config: Configuration, expectedMaxReceiveCount = 5): string[] {
  const violations: string[] = [];
  const queues = resourcesOfType(config, 'aws_sqs_queue');
  const sources = queues.filter(({ body }) => body.redrive_policy !== undefined);
  if (sources.length === 0) return [`${where(config, config.root)}: no queue with a redrive_policy`];
  for (const { module, name, body } of sources) {
    const at = where(config, module, `aws_sqs_queue.${name}`);
    const policy = String(body.redrive_policy);
    const dlqName = /deadLetterTargetArn\s*=\s*aws_sqs_queue\.([\w-]+)\.arn/.exec(policy)?.[1];
    const dlq = dlqName ? module.resources.aws_sqs_queue?.[dlqName] : undefined;
    if (!dlqName || !dlq) {
      violations.push(`${at}: redrive_policy must name deadLetterTargetArn = aws_sqs_queue.<dlq>.arn`);
      continue;
    }
    const countVariable = /maxReceiveCount\s*=\s*var\.([\w-]+)/.exec(policy)?.[1];
    if (!countVariable) {
      violations.push(`${at}: redrive_policy maxReceiveCount must come from a variable`);
    } else if (module.variables[countVariable]?.default !== expectedMaxReceiveCount) {
      violations.push(`${at}: var.${countVariable} must default to ${expectedMaxReceiveCount}`);
    }
    if (dlq.message_retention_seconds !== FOURTEEN_DAYS) {
      violations.push(
        `${where(config, module, `aws_sqs_queue.${dlqName}`)}: message_retention_seconds must be ${FOURTEEN_DAYS} (14 days)`,
      );
    }
    const allowPolicies = Object.values(module.resources.aws_sqs_queue_redrive_allow_policy ?? {}).map(
      (item) => `${item.queue_url} ${item.redrive_allow_policy}`,
    );
    const inline =
      dlq.redrive_allow_policy === undefined
        ? []
        : [`aws_sqs_queue.${dlqName}.id ${dlq.redrive_allow_policy}`];
    const allowed = [...allowPolicies, ...inline].some(
      (text) =>
        text.includes(`aws_sqs_queue.${dlqName}.`) &&
        /redrivePermission\s*=\s*"byQueue"/.test(text) &&
        text.includes(`aws_sqs_queue.${name}.arn`),
    );
    if (!allowed) {
      violations.push(
        `${at}: the DLQ needs a redrive_allow_policy (byQueue) naming aws_sqs_queue.${name}.arn`,
      );
    }
  }
  for (const call of config.calls) {
    const sourced = sources.some(({ module }) => module === call.module);
    if (sourced && call.args.max_receive_count !== undefined) {
      const variable = /^var\.([\w-]+)$/.exec(expressionOf(call.args.max_receive_count) ?? '')?.[1];
      const declared = variable ? call.caller.variables[variable] : undefined;
      if (declared?.default !== expectedMaxReceiveCount) {
        violations.push(
          `${where(config, call.caller, `module.${call.name}`)}: max_receive_count must come from a variable defaulting to ${expectedMaxReceiveCount}`,
        );
      }
    }
  }
  return violations;
}
