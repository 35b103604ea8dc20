import { Metrics } from '@aws-lambda-powertools/metrics';
import { afterEach, beforeEach, describe, expect, it, type MockInstance, vi } from 'vitest';
import { PowertoolsWelcomeMetrics } from '../../src/adapters/powertools-welcome-metrics.js';

const NAMESPACE = 'SignupPipelineTest';

interface EmfLine {
  readonly _aws: {
    readonly CloudWatchMetrics: readonly {
      readonly Namespace: string;
      readonly Metrics: readonly { readonly Name: string; readonly Unit: string }[];
    }[];
  };
  readonly [key: string]: unknown;
}

let stdout: MockInstance<typeof process.stdout.write>;

/** Every EMF line written to stdout since the test began. */
function emfLines(): EmfLine[] {
  return stdout.mock.calls
    .map(([chunk]) => String(chunk))
    .flatMap((text) => text.split('\n'))
    .filter((line) => line.trim().startsWith('{'))
    .map((line) => JSON.parse(line) as EmfLine)
    .filter((line) => '_aws' in line);
}

function newMetrics(): PowertoolsWelcomeMetrics {
  return new PowertoolsWelcomeMetrics(new Metrics({ namespace: NAMESPACE, serviceName: 'process-user' }));
}

describe('PowertoolsWelcomeMetrics', () => {
  beforeEach(() => {
    stdout = vi.spyOn(process.stdout, 'write').mockImplementation(() => true);
  });

  afterEach(() => {
    vi.restoreAllMocks();
  });

  it('writes the counts of an invocation as one EMF line in the namespace on flush', () => {
    // Prepare
    const metrics = newMetrics();

    // Act
    metrics.published();
    metrics.published();
    metrics.duplicateSuppressed();
    metrics.publishFailed();
    metrics.invalidMessage();
    const beforeFlush = emfLines();
    metrics.flush();

    // Assess
    expect(beforeFlush).toEqual([]);
    const lines = emfLines();
    expect(lines).toHaveLength(1);
    const [line] = lines;
    expect(line?._aws.CloudWatchMetrics[0]?.Namespace).toBe(NAMESPACE);
    expect(line?._aws.CloudWatchMetrics[0]?.Metrics.map((metric) => metric.Name).sort()).toEqual([
      'DuplicateSuppressed',
      'InvalidMessage',
      'PublishFailed',
      'WelcomePublished',
    ]);
    expect(line?._aws.CloudWatchMetrics[0]?.Metrics.every((metric) => metric.Unit === 'Count')).toBe(true);
    expect(line?.WelcomePublished).toEqual([1, 1]);
    expect(line?.DuplicateSuppressed).toBe(1);
    expect(line?.PublishFailed).toBe(1);
    expect(line?.InvalidMessage).toBe(1);
    expect(line?.service).toBe('process-user');
  });

  it('writes nothing, and warns about nothing, when flushed with nothing counted', () => {
    // Prepare
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const metrics = newMetrics();

    // Act
    metrics.flush();

    // Assess
    expect(stdout).not.toHaveBeenCalled();
    expect(warn).not.toHaveBeenCalled();
  });

  it('writes each count once: a second flush writes nothing more', () => {
    // Prepare
    const metrics = newMetrics();
    metrics.published();
    metrics.flush();

    // Act
    metrics.flush();

    // Assess
    expect(emfLines()).toHaveLength(1);
  });
});
