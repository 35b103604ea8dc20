/** Faults the local runtime injects on purpose, to show what the pipeline does when AWS misbehaves. */
export interface FaultOptions {
  /** Share of SNS Publish calls that fail with a 500 (0 to 1). */
  readonly snsFailureRate: number;
  /** Extra latency of every SNS Publish, in milliseconds. */
  readonly snsLatencyMs: number;
  /** Share of SQS SendMessage calls that fail with a 500 (0 to 1). */
  readonly sqsSendFailureRate: number;
}

export interface FaultInjector {
  readonly options: FaultOptions;
  /** Changes faults while the pipeline runs (tests, the local console). */
  update(changes: Partial<FaultOptions>): void;
  snsPublishShouldFail(): boolean;
  sqsSendShouldFail(): boolean;
}

export const NO_FAULTS: FaultOptions = { snsFailureRate: 0, snsLatencyMs: 0, sqsSendFailureRate: 0 };

export function createFaultInjector(
  initial: FaultOptions,
  random: () => number = Math.random,
): FaultInjector {
  let options = initial;
  return {
    get options() {
      return options;
    },
    update: (changes) => {
      options = { ...options, ...changes };
    },
    snsPublishShouldFail: () => options.snsFailureRate > 0 && random() < options.snsFailureRate,
    sqsSendShouldFail: () => options.sqsSendFailureRate > 0 && random() < options.sqsSendFailureRate,
  };
}
