import { type Metrics, MetricUnit } from '@aws-lambda-powertools/metrics';
import type { WelcomeMetrics } from '../ports.js';

/** WelcomeMetrics as CloudWatch Embedded Metric Format lines, via Powertools Metrics. */
export class PowertoolsWelcomeMetrics implements WelcomeMetrics {
  private counted = 0;

  constructor(private readonly metrics: Metrics) {}

  published(): void {
    this.count('WelcomePublished');
  }

  duplicateSuppressed(): void {
    this.count('DuplicateSuppressed');
  }

  publishFailed(): void {
    this.count('PublishFailed');
  }

  invalidMessage(): void {
    this.count('InvalidMessage');
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
