import { Metrics } from '@aws-lambda-powertools/metrics';
import { afterEach, beforeEach, describe, expect, it, type MockInstance, vi } from 'vitest';
import { PowertoolsSignupMetrics } from '../../src/adapters/powertools-signup-metrics.js';

const NAMESPACE = 'SignupPipelineTest';

interface EmfLine {
  readonly _aws: {
    readonly CloudWatchMetrics: readonly {
      readonly Namespace: string;
      readonly Dimensions: readonly (readonly string[])[];
      readonly Metrics: readonly { readonly Name: string; readonly Unit: string }[];
    }[];
  };
  readonly [key: string]: unknown;
}

let stdout: MockInstance<typeof process.stdout.write>;

/** Every JSON line written to stdout since the test began (EMF lines are JSON objects). */
function emfLines(): EmfLine[] {
  return stdout.mock.calls
    .map(([chunk]) => String(chunk))
    .flatMap((text) => text.split('\n'))
    .filter((line) => line.trim().startsWith('{'))
    .map((line) => JSON.parse(line) as EmfLine)
    .filter((line) => '_aws' in line);
}

function metricNames(line: EmfLine): string[] {
  return line._aws.CloudWatchMetrics.flatMap((directive) => directive.Metrics.map((metric) => metric.Name));
}

function newMetrics(): PowertoolsSignupMetrics {
  return new PowertoolsSignupMetrics(new Metrics({ namespace: NAMESPACE, serviceName: 'signup-handler' }));
}

describe('PowertoolsSignupMetrics', () => {
  beforeEach(() => {
    stdout = vi.spyOn(process.stdout, 'write').mockImplementation(() => true);
  });

  afterEach(() => {
    vi.restoreAllMocks();
  });

  it('writes SignupAccepted as an EMF line in the namespace on flush', () => {
    // Prepare
    const metrics = newMetrics();

    // Act
    metrics.accepted();
    const beforeFlush = emfLines();
    metrics.flush();

    // Assess
    expect(beforeFlush).toEqual([]);
    const lines = emfLines();
    expect(lines).toHaveLength(1);
    const [line] = lines;
    expect(line?._aws.CloudWatchMetrics[0]?.Namespace).toBe(NAMESPACE);
    expect(line?._aws.CloudWatchMetrics[0]?.Metrics).toEqual([{ Name: 'SignupAccepted', Unit: 'Count' }]);
    expect(line?.SignupAccepted).toBe(1);
    expect(line?.service).toBe('signup-handler');
  });

  it('writes QueueSendFailed on flush', () => {
    // Prepare
    const metrics = newMetrics();

    // Act
    metrics.queueSendFailed();
    metrics.flush();

    // Assess
    const lines = emfLines();
    expect(lines.map(metricNames)).toEqual([['QueueSendFailed']]);
    expect(lines[0]?.QueueSendFailed).toBe(1);
  });

  it('writes SignupRejected with the reason as a dimension of its own line', () => {
    // Prepare
    const metrics = newMetrics();

    // Act
    metrics.rejected('too-large');
    metrics.flush();

    // Assess
    const lines = emfLines();
    expect(lines).toHaveLength(1);
    const [line] = lines;
    expect(metricNames(line as EmfLine)).toEqual(['SignupRejected']);
    expect(line?.SignupRejected).toBe(1);
    expect(line?.reason).toBe('too-large');
    expect(line?._aws.CloudWatchMetrics[0]?.Namespace).toBe(NAMESPACE);
    expect(line?._aws.CloudWatchMetrics[0]?.Dimensions.flat()).toContain('reason');
  });

  it('keeps the reason dimension off the other metrics of the invocation', () => {
    // Prepare
    const metrics = newMetrics();

    // Act
    metrics.rejected('invalid-json');
    metrics.accepted();
    metrics.flush();

    // Assess
    const accepted = emfLines().find((line) => metricNames(line).includes('SignupAccepted'));
    expect(accepted).toBeDefined();
    expect(accepted).not.toHaveProperty('reason');
    expect(accepted?._aws.CloudWatchMetrics[0]?.Dimensions.flat()).not.toContain('reason');
  });

  it('writes nothing when flushed with nothing counted', () => {
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
    metrics.accepted();
    metrics.flush();
    const afterFirst = emfLines().length;

    // Act
    metrics.flush();

    // Assess
    expect(afterFirst).toBe(1);
    expect(emfLines()).toHaveLength(1);
  });
});
