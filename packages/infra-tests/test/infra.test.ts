import { beforeAll, describe, expect, it } from 'vitest';
import {
  type Configuration,
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
import { INFRA_DIR, loadInfra, REPO_ROOT } from './support';

describe('infra/', () => {
  let config: Configuration;

  beforeAll(async () => {
    config = await loadInfra();
  });

  it('splits every module into main.tf, variables.tf, outputs.tf and versions.tf', () => {
    // Act
    const violations = checkModuleLayout(config);

    // Assess
    expect(config.modules.length).toBeGreaterThanOrEqual(8);
    expect(violations).toEqual([]);
  });

  it('gives every variable a type and a description', () => {
    // Act
    const violations = checkVariableDeclarations(config);

    // Assess
    expect(violations).toEqual([]);
  });

  it('is formatted as terraform fmt would write it', async () => {
    // Act
    const violations = await checkFormatting(INFRA_DIR, REPO_ROOT);

    // Assess
    expect(violations).toEqual([]);
  });

  it('grants no wildcard action and no "*" resource except for X-Ray and key policies', () => {
    // Act
    const violations = checkPolicyWildcards(config);

    // Assess
    expect(violations).toEqual([]);
  });

  it('grants each function exactly the actions it needs, on its own resources', () => {
    // Act
    const violations = checkFunctionPermissions(config, EXPECTED_PERMISSIONS);

    // Assess
    expect(violations).toEqual([]);
  });

  it('keeps the visibility timeout at least 6 x the consumer timeout plus the batching window', () => {
    // Act
    const violations = checkVisibilityTimeout(config);

    // Assess
    expect(violations).toEqual([]);
  });

  it('reports partial batch failures from the event source mapping', () => {
    // Act
    const violations = checkEventSourceMappings(config);

    // Assess
    expect(violations).toEqual([]);
  });

  it('wires the queue to its DLQ with a redrive policy and a redrive allow policy', () => {
    // Act
    const violations = checkDeadLetterQueues(config);

    // Assess
    expect(violations).toEqual([]);
  });

  it('has every alarm of issue 3, each with a deliberate treat_missing_data', () => {
    // Act
    const violations = checkAlarms(config, EXPECTED_ALARMS);

    // Assess
    expect(violations).toEqual([]);
  });

  it('keeps logs with a retention, as JSON, in log groups Terraform creates', () => {
    // Act
    const violations = checkLogging(config);

    // Assess
    expect(violations).toEqual([]);
  });

  it('encrypts queues, topics and the table, and refuses requests without TLS', () => {
    // Act
    const violations = checkEncryption(config);

    // Assess
    expect(violations).toEqual([]);
  });

  it('provisions an on-demand idempotency table with TTL and recovery only when enabled', () => {
    // Act
    const violations = checkIdempotencyTable(config);

    // Assess
    expect(violations).toEqual([]);
  });

  it('deploys exactly the zips the build writes', () => {
    // Act
    const violations = checkFunctionPackages(config, REPO_ROOT, FUNCTIONS);

    // Assess
    expect(violations).toEqual([]);
  });

  it('sets exactly the environment variables the handlers read', () => {
    // Act
    const violations = checkEnvironmentVariables(config, EXPECTED_ENVIRONMENT);

    // Assess
    expect(violations).toEqual([]);
  });

  it('switches X-Ray tracing with one variable', () => {
    // Act
    const violations = checkTracing(config);

    // Assess
    expect(violations).toEqual([]);
  });

  it('shows the AWS and custom metrics of the pipeline on a dashboard', () => {
    // Act
    const violations = checkDashboard(config, CUSTOM_METRICS);

    // Assess
    expect(violations).toEqual([]);
  });

  it('sets IDEMPOTENCY_TABLE_NAME to the table, or to "" when idempotency is disabled', () => {
    // Prepare
    const call = config.calls.find((item) => item.name === 'process_user');

    // Act
    const environment = call?.args.environment_variables as Record<string, string> | undefined;

    // Assess
    expect(environment?.IDEMPOTENCY_TABLE_NAME).toBe(
      interpolated('var.idempotency_enabled ? module.idempotency[0].table_name : ""'),
    );
  });
});
