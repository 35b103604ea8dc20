import { blocksOf, type Configuration, resourcesOfType, type TfModule, where } from '../hcl';

function deniesInsecureTransport(module: TfModule, policyAttribute: unknown): boolean {
  const document = /data\.aws_iam_policy_document\.([\w-]+)/.exec(String(policyAttribute ?? ''))?.[1];
  const body = document ? module.data.aws_iam_policy_document?.[document] : undefined;
  return blocksOf(body, 'statement').some(
    (statement) =>
      statement.effect === 'Deny' &&
      blocksOf(statement, 'condition').some(
        (condition) =>
          condition.variable === 'aws:SecureTransport' && JSON.stringify(condition.values) === '["false"]',
      ),
  );
}

/**
 * Data at rest is encrypted (SQS: SSE-SQS or KMS; SNS: a KMS key; DynamoDB: server-side encryption) and the
 * queues and topics refuse requests that do not use TLS.
 */
export function checkEncryption(config: Configuration): string[] {
  const violations: string[] = [];
  for (const { module, name, body } of resourcesOfType(config, 'aws_sqs_queue')) {
    const at = where(config, module, `aws_sqs_queue.${name}`);
    const sse = body.sqs_managed_sse_enabled;
    if ((sse === undefined || sse === false) && body.kms_master_key_id === undefined) {
      violations.push(`${at}: not encrypted at rest (sqs_managed_sse_enabled or kms_master_key_id)`);
    }
    const policies = Object.values(module.resources.aws_sqs_queue_policy ?? {}).filter((policy) =>
      String(policy.queue_url).includes(`aws_sqs_queue.${name}.`),
    );
    if (!policies.some((policy) => deniesInsecureTransport(module, policy.policy))) {
      violations.push(`${at}: no queue policy denying requests without TLS (aws:SecureTransport = false)`);
    }
  }
  for (const { module, name, body } of resourcesOfType(config, 'aws_sns_topic')) {
    const at = where(config, module, `aws_sns_topic.${name}`);
    if (typeof body.kms_master_key_id !== 'string' || body.kms_master_key_id === '') {
      violations.push(`${at}: not encrypted at rest (kms_master_key_id)`);
    }
    const policies = Object.values(module.resources.aws_sns_topic_policy ?? {}).filter((policy) =>
      String(policy.arn).includes(`aws_sns_topic.${name}.`),
    );
    if (!policies.some((policy) => deniesInsecureTransport(module, policy.policy))) {
      violations.push(`${at}: no topic policy denying publishes without TLS`);
    }
  }
  for (const { module, name, body } of resourcesOfType(config, 'aws_dynamodb_table')) {
    if (blocksOf(body, 'server_side_encryption')[0]?.enabled !== true) {
      violations.push(
        `${where(config, module, `aws_dynamodb_table.${name}`)}: server_side_encryption must be enabled`,
      );
    }
  }
  return violations;
}

/**
 * The idempotency table is on-demand, keyed by the string attribute `id`, expires records through TTL on
 * `expiration` and has point-in-time recovery; it exists only when `var.idempotency_enabled` is true.
 */
export function checkIdempotencyTable(config: Configuration): string[] {
  const tables = resourcesOfType(config, 'aws_dynamodb_table');
  if (tables.length !== 1)
    return [`${where(config, config.root)}: expected one DynamoDB table, found ${tables.length}`];
  const violations: string[] = [];
  for (const { module, name, body } of tables) {
    const at = where(config, module, `aws_dynamodb_table.${name}`);
    if (body.billing_mode !== 'PAY_PER_REQUEST')
      violations.push(`${at}: billing_mode must be PAY_PER_REQUEST`);
    const hashKey = blocksOf(body, 'attribute').find((attribute) => attribute.name === body.hash_key);
    if (body.hash_key !== 'id' || hashKey?.type !== 'S')
      violations.push(`${at}: hash key must be the string "id"`);
    const ttl = blocksOf(body, 'ttl')[0];
    if (ttl?.attribute_name !== 'expiration' || ttl.enabled !== true) {
      violations.push(`${at}: TTL must be enabled on "expiration"`);
    }
    if (blocksOf(body, 'point_in_time_recovery')[0]?.enabled !== true) {
      violations.push(`${at}: point_in_time_recovery must be enabled`);
    }
    const call = config.calls.find((item) => item.module === module);
    if (!call || !/^\$\{var\.idempotency_enabled \? 1 : 0\}$/.test(String(call.args.count))) {
      violations.push(
        `${at}: the table's module must be created only when var.idempotency_enabled (count = var.idempotency_enabled ? 1 : 0)`,
      );
    }
  }
  return violations;
}
