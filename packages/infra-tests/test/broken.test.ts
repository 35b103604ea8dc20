import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import {
  checkAlarms,
  checkDashboard,
  checkDeadLetterQueues,
  checkEncryption,
  checkEnvironmentVariables,
  checkEventSourceMappings,
  checkFormatting,
  checkFunctionPackages,
  checkFunctionPermissions,
  checkIdempotencyTable,
  checkLogging,
  checkModuleLayout,
  checkPolicyWildcards,
  checkTracing,
  checkVariableDeclarations,
  checkVisibilityTimeout,
  interpolated,
} from '../src/index';
import {
  CUSTOM_METRICS,
  EXPECTED_ALARMS,
  EXPECTED_ENVIRONMENT,
  EXPECTED_PERMISSIONS,
  FUNCTIONS,
} from './expectations';
import { FIXTURES_DIR, loadFixture, loadMutatedInfra, removeMutatedCopies } from './support';

afterAll(removeMutatedCopies);

describe('the checks, on broken fixtures', () => {
  it('reports a wildcard action, a "*" resource and an uncheckable inline policy', async () => {
    // Prepare
    const config = await loadFixture('wildcard-policy');

    // Act
    const violations = checkPolicyWildcards(config);

    // Assess
    expect(violations).toEqual([
      'wildcard-policy data.aws_iam_policy_document.this statement 0: wildcard action "sqs:*"',
      'wildcard-policy data.aws_iam_policy_document.this statement 1: wildcard resource "*" for sns:Publish',
      'wildcard-policy aws_iam_role_policy.this: policy must come from an aws_iam_policy_document',
    ]);
  });

  it('reports an alarm without treat_missing_data, and the alarms that are missing', async () => {
    // Prepare
    const config = await loadFixture('alarm-without-treat-missing-data');

    // Act
    const violations = checkAlarms(config, EXPECTED_ALARMS);

    // Assess
    expect(violations).toContain(
      'alarm-without-treat-missing-data aws_cloudwatch_metric_alarm.dlq_messages: treat_missing_data must be set on purpose',
    );
    expect(violations).toContain(
      'alarm-without-treat-missing-data: expected 1 alarm(s) on AWS/SNS/NumberOfNotificationsFailed, found 0',
    );
  });

  it('reports a file that terraform fmt would change', async () => {
    // Act
    const violations = await checkFormatting(join(FIXTURES_DIR, 'badly-formatted'), FIXTURES_DIR);

    // Assess
    expect(violations).toEqual(['badly-formatted/main.tf: not formatted as terraform fmt would (line 3)']);
  });

  it('reports missing module files, a provider in a child module and an undeclared variable type', async () => {
    // Prepare
    const config = await loadFixture('incomplete-module');

    // Act
    const layout = checkModuleLayout(config);
    const variables = checkVariableDeclarations(config);

    // Assess
    expect(layout).toEqual(
      expect.arrayContaining([
        'incomplete-module: missing outputs.tf',
        'incomplete-module: missing versions.tf',
        'incomplete-module/modules/queue: missing variables.tf',
        'incomplete-module/modules/queue: provider blocks belong in the root module only',
      ]),
    );
    expect(variables).toEqual([
      'incomplete-module var.name_prefix: no type',
      'incomplete-module var.name_prefix: no description',
    ]);
  });

  it('reports an unencrypted queue without a TLS-only policy and an unencrypted topic', async () => {
    // Prepare
    const config = await loadFixture('unencrypted-queue');

    // Act
    const violations = checkEncryption(config);

    // Assess
    expect(violations).toEqual([
      'unencrypted-queue aws_sqs_queue.this: not encrypted at rest (sqs_managed_sse_enabled or kms_master_key_id)',
      'unencrypted-queue aws_sqs_queue.this: no queue policy denying requests without TLS (aws:SecureTransport = false)',
      'unencrypted-queue aws_sns_topic.this: not encrypted at rest (kms_master_key_id)',
      'unencrypted-queue aws_sns_topic.this: no topic policy denying publishes without TLS',
    ]);
  });

  it('reports a log group without retention and a function logging text to an unmanaged group', async () => {
    // Prepare
    const config = await loadFixture('log-group-without-retention');

    // Act
    const violations = checkLogging(config);

    // Assess
    expect(violations).toEqual([
      'log-group-without-retention aws_cloudwatch_log_group.this: no retention_in_days (logs kept forever)',
      'log-group-without-retention aws_lambda_function.this: logging_config.log_format must be "JSON"',
      'log-group-without-retention aws_lambda_function.this: logging_config.log_group must refer to an aws_cloudwatch_log_group of the module',
    ]);
  });
});

describe('the checks, on a copy of infra/ with one property broken', () => {
  it('reports a visibility timeout the user can set below the rule when the precondition is gone', async () => {
    // Prepare
    const { config } = await loadMutatedInfra({
      file: 'modules/queue/main.tf',
      from: /\n {2}lifecycle \{\n {4}precondition \{[\s\S]*?\n {4}\}\n {2}\}\n(?=\}\n\n# Only the signup queue)/,
      to: '\n',
    });

    // Act
    const violations = checkVisibilityTimeout(config);

    // Assess
    expect(violations).toEqual([
      expect.stringMatching(
        /^infra\/modules\/queue aws_sqs_queue\.this: visibility timeout 0 s < 6 x 1 s \+ 0 s/,
      ),
    ]);
  });

  it('reports a derived visibility timeout that forgets the factor 6', async () => {
    // Prepare
    const { config } = await loadMutatedInfra({
      file: 'modules/queue/main.tf',
      from: '6 * var.consumer_timeout_seconds',
      to: '2 * var.consumer_timeout_seconds',
    });

    // Act
    const violations = checkVisibilityTimeout(config);

    // Assess
    expect(violations).toEqual([expect.stringMatching(/visibility timeout 2 s < 6 x 1 s \+ 0 s/)]);
  });

  it('reports a too-short literal visibility timeout', async () => {
    // Prepare
    const { config } = await loadMutatedInfra({
      file: 'modules/queue/main.tf',
      from: 'visibility_timeout_seconds = local.visibility_timeout_seconds',
      to: 'visibility_timeout_seconds = 30',
    });

    // Act
    const violations = checkVisibilityTimeout(config);

    // Assess
    expect(violations).toEqual([expect.stringMatching(/visibility timeout 30 s < 6 x \d+ s \+ \d+ s/)]);
  });

  it('reports a queue that does not follow the consumer function timeout', async () => {
    // Prepare
    const { config } = await loadMutatedInfra({
      file: 'main.tf',
      from: 'consumer_timeout_seconds           = var.process_user_timeout_seconds',
      to: 'consumer_timeout_seconds           = 10',
    });

    // Act
    const violations = checkVisibilityTimeout(config);

    // Assess
    expect(violations).toEqual([
      "infra/modules/queue aws_sqs_queue.this: the module must receive the consumer function's timeout_seconds (the expression the function gets)",
    ]);
  });

  it('reports an event source mapping without ReportBatchItemFailures', async () => {
    // Prepare
    const { config } = await loadMutatedInfra({
      file: 'modules/queue/main.tf',
      from: '  function_response_types            = ["ReportBatchItemFailures"]\n',
      to: '',
    });

    // Act
    const violations = checkEventSourceMappings(config);

    // Assess
    expect(violations).toEqual([
      'infra/modules/queue aws_lambda_event_source_mapping.this: function_response_types must be ["ReportBatchItemFailures"]',
    ]);
  });

  it('reports a hard-coded maxReceiveCount and a DLQ open to every queue', async () => {
    // Prepare
    const { config } = await loadMutatedInfra(
      {
        file: 'modules/queue/main.tf',
        from: 'maxReceiveCount     = var.max_receive_count',
        to: 'maxReceiveCount     = 5',
      },
      {
        file: 'modules/queue/main.tf',
        from: 'redrivePermission = "byQueue"',
        to: 'redrivePermission = "allowAll"',
      },
    );

    // Act
    const violations = checkDeadLetterQueues(config);

    // Assess
    expect(violations).toEqual([
      'infra/modules/queue aws_sqs_queue.this: redrive_policy maxReceiveCount must come from a variable',
      'infra/modules/queue aws_sqs_queue.this: the DLQ needs a redrive_allow_policy (byQueue) naming aws_sqs_queue.this.arn',
    ]);
  });

  it('reports an alarm whose treat_missing_data was removed', async () => {
    // Prepare
    const { config } = await loadMutatedInfra({
      file: 'modules/alarms/main.tf',
      from: /(resource "aws_cloudwatch_metric_alarm" "api_5xx" \{[\s\S]*?)\n {2}treat_missing_data = "notBreaching"/,
      to: '$1',
    });

    // Act
    const violations = checkAlarms(config, EXPECTED_ALARMS);

    // Assess
    expect(violations).toEqual([
      'infra/modules/alarms aws_cloudwatch_metric_alarm.api_5xx: treat_missing_data must be set on purpose',
    ]);
  });

  it('reports a function granted an action it does not need', async () => {
    // Prepare
    const { config } = await loadMutatedInfra({
      file: 'main.tf',
      from: 'actions   = ["sqs:SendMessage"]',
      to: 'actions   = ["sqs:SendMessage", "sqs:PurgeQueue"]',
    });

    // Act
    const violations = checkFunctionPermissions(config, EXPECTED_PERMISSIONS);

    // Assess
    expect(violations).toEqual(['infra module.signup_handler: grants unexpected action sqs:PurgeQueue']);
  });

  it('reports a permission on the wrong resource and a wildcard action in a function statement', async () => {
    // Prepare
    const { config } = await loadMutatedInfra(
      {
        file: 'main.tf',
        from: 'resources = [module.welcome_topic.topic_arn]',
        to: 'resources = [module.alarms.topic_arn]',
      },
      { file: 'main.tf', from: '"dynamodb:DeleteItem"]', to: '"dynamodb:*"]' },
    );

    // Act
    const permissions = checkFunctionPermissions(config, EXPECTED_PERMISSIONS);
    const wildcards = checkPolicyWildcards(config);

    // Assess
    expect(permissions).toEqual(
      expect.arrayContaining([
        'infra module.process_user: sns:Publish must apply to module.welcome_topic.topic_arn only, got ' +
          interpolated('module.alarms.topic_arn'),
        'infra module.process_user: missing action dynamodb:DeleteItem',
      ]),
    );
    expect(wildcards).toEqual([
      'infra module.process_user.policy_statements.record_idempotency: wildcard action "dynamodb:*"',
    ]);
  });

  it('reports X-Ray permissions granted whether or not tracing is enabled', async () => {
    // Prepare
    const { config } = await loadMutatedInfra({
      file: 'modules/function/main.tf',
      from: 'for_each = var.tracing_enabled ? ["xray"] : []',
      to: 'for_each = ["xray"]',
    });

    // Act
    const violations = checkPolicyWildcards(config);

    // Assess
    expect(violations).toEqual([
      'infra/modules/function data.aws_iam_policy_document.this dynamic statement WriteTraces: X-Ray permissions must exist only when var.tracing_enabled is true',
    ]);
  });

  it('reports a zip path that is not what the build writes', async () => {
    // Prepare
    const { config, repoRoot } = await loadMutatedInfra({
      file: 'main.tf',
      from: 'packages/process-user/dist/process-user.zip',
      to: 'packages/process-user/dist/index.zip',
    });

    // Act
    const violations = checkFunctionPackages(config, repoRoot, FUNCTIONS);

    // Assess
    expect(violations).toEqual([
      'infra module.process_user: zip_path resolves to packages/process-user/dist/index.zip, the build writes packages/process-user/dist/process-user.zip',
    ]);
  });

  it('reports a misspelled environment variable', async () => {
    // Prepare
    const { config } = await loadMutatedInfra({
      file: 'main.tf',
      from: 'SIGNUP_QUEUE_URL             =',
      to: 'SIGNUP_QUEUE_ULR             =',
    });

    // Act
    const violations = checkEnvironmentVariables(config, EXPECTED_ENVIRONMENT);

    // Assess
    expect(violations).toEqual(
      expect.arrayContaining([
        'infra module.signup_handler.environment_variables: missing SIGNUP_QUEUE_URL',
        'infra module.signup_handler.environment_variables: unexpected SIGNUP_QUEUE_ULR (the handler does not read it)',
      ]),
    );
  });

  it('reports a queue with SQS-managed encryption switched off and a table without encryption', async () => {
    // Prepare
    const { config } = await loadMutatedInfra(
      {
        file: 'modules/queue/main.tf',
        from: /\n {2}sqs_managed_sse_enabled {4}= [^\n]+\n {2}kms_master_key_id {10}= var\.kms_key_arn\n/,
        to: '\n',
      },
      {
        file: 'modules/idempotency/main.tf',
        from: /server_side_encryption \{\n {4}enabled {5}= true/,
        to: 'server_side_encryption {\n    enabled     = false',
      },
    );

    // Act
    const violations = checkEncryption(config);

    // Assess
    expect(violations).toEqual([
      'infra/modules/queue aws_sqs_queue.this: not encrypted at rest (sqs_managed_sse_enabled or kms_master_key_id)',
      'infra/modules/idempotency aws_dynamodb_table.this: server_side_encryption must be enabled',
    ]);
  });

  it('reports an idempotency table without point-in-time recovery that exists even when disabled', async () => {
    // Prepare
    const { config } = await loadMutatedInfra(
      {
        file: 'modules/idempotency/main.tf',
        from: /point_in_time_recovery \{\n {4}enabled = true/,
        to: 'point_in_time_recovery {\n    enabled = false',
      },
      { file: 'main.tf', from: 'count  = var.idempotency_enabled ? 1 : 0', to: 'count  = 1' },
    );

    // Act
    const violations = checkIdempotencyTable(config);

    // Assess
    expect(violations).toEqual([
      'infra/modules/idempotency aws_dynamodb_table.this: point_in_time_recovery must be enabled',
      "infra/modules/idempotency aws_dynamodb_table.this: the table's module must be created only when var.idempotency_enabled (count = var.idempotency_enabled ? 1 : 0)",
    ]);
  });

  it('reports tracing that is always on', async () => {
    // Prepare
    const { config } = await loadMutatedInfra({
      file: 'modules/function/main.tf',
      from: 'mode = var.tracing_enabled ? "Active" : "PassThrough"',
      to: 'mode = "Active"',
    });

    // Act
    const violations = checkTracing(config);

    // Assess
    expect(violations).toEqual([
      'infra/modules/function aws_lambda_function.this: tracing_config.mode must be "Active" when var.tracing_enabled',
    ]);
  });

  it('reports a dashboard that lost a custom metric', async () => {
    // Prepare
    const { config } = await loadMutatedInfra({
      file: 'modules/dashboard/main.tf',
      from: /"InvalidMessage"/g,
      to: '"Invalid"',
    });

    // Act
    const violations = checkDashboard(config, CUSTOM_METRICS);

    // Assess
    expect(violations).toEqual([
      'infra/modules/dashboard aws_cloudwatch_dashboard.this: does not show InvalidMessage',
    ]);
  });
});
