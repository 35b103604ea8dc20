import { type Metrics, MetricUnit } from '@aws-lambda-powertools/metrics';
import type { RejectionReason, SignupMetrics } from '../ports.js';

/** SignupMetrics as CloudWatch Embedded Metric Format lines, via Powertools Metrics. */
export class PowertoolsSignupMetrics implements SignupMetrics {
  private counted = 0;

  constructor(private readonly metrics: Metrics) {}

  accepted(): void {
    this.count('SignupAccepted');
  }

  rejected(reason: RejectionReason): void {
    // A metric of its own so the reason dimension does not attach to the other metrics.
    const single = this.metrics.singleMetric();
    single.addDimension('reason', reason);
    single.addMetric('SignupRejected', MetricUnit.Count, 1);
  }

  queueSendFailed(): void {
    this.count('QueueSendFailed');
  }

  flush(): void {
    if (this.counted === 0) return; // Powertools warns about an empty flush
    this.counted = 0;
    this.metrics.publishStoredMetrics();
  }

  private count(name: string) {
    this.counted++;
    this.metrics.addMetric(name, MetricUnit.Count, 1);
  }
}
