/**
 * The pipeline settings the local runtime emulates, equal to the Terraform defaults in infra/
 * (the infra tests compare the two), so local behaviour matches a default deployment.
 */
export const TERRAFORM_DEFAULTS = {
  signupHandlerTimeoutSeconds: 5,
  processUserTimeoutSeconds: 10,
  batchSize: 10,
  maximumBatchingWindowSeconds: 0,
  maxReceiveCount: 5,
  /** 6 x the process-user timeout plus the batching window, as AWS recommends and infra/ enforces. */
  visibilityTimeoutSeconds: 60,
  /** The event source mapping's maximum concurrency: batches in flight at once. */
  maximumConcurrency: 5,
} as const;

export const LOCAL_ACCOUNT_ID = '000000000000';
export const LOCAL_REGION = 'us-east-1';
export const QUEUE_NAME = 'signup-queue';
export const DLQ_NAME = 'signup-dlq';
export const TOPIC_NAME = 'welcome';
