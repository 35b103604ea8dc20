import { beforeAll, describe, expect, it } from 'vitest';
import { TERRAFORM_DEFAULTS } from '../../local/src/defaults';
import type { Configuration } from '../src/index';
import { loadInfra } from './support';

// `make dev` promises to behave like a default deployment: its settings must be infra/'s defaults.
describe('the local runtime defaults', () => {
  let config: Configuration;
  beforeAll(async () => {
    config = await loadInfra();
  });
  const defaultOf = (name: string) => config.root.variables[name]?.default;

  it.each([
    ['signup_handler_timeout_seconds', 'signupHandlerTimeoutSeconds'],
    ['process_user_timeout_seconds', 'processUserTimeoutSeconds'],
    ['batch_size', 'batchSize'],
    ['maximum_batching_window_seconds', 'maximumBatchingWindowSeconds'],
    ['max_receive_count', 'maxReceiveCount'],
    ['maximum_concurrency', 'maximumConcurrency'],
  ] as const)('use the Terraform default of %s', (variable, setting) => {
    // Act
    const terraformDefault = defaultOf(variable);

    // Assess
    expect(terraformDefault).toBe(TERRAFORM_DEFAULTS[setting]);
  });

  it('derive the visibility timeout as infra/ does: 6 x the process-user timeout plus the batching window', () => {
    // Prepare
    const derived =
      6 * Number(defaultOf('process_user_timeout_seconds')) +
      Number(defaultOf('maximum_batching_window_seconds'));

    // Act
    const override = defaultOf('queue_visibility_timeout_seconds');

    // Assess
    expect(override).toBeNull();
    expect(TERRAFORM_DEFAULTS.visibilityTimeoutSeconds).toBe(derived);
  });
});
