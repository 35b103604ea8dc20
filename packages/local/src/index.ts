export type { RequestRecord } from './api-gateway.js';
export type { DeadLetter } from './console/dlq.js';
export { TERRAFORM_DEFAULTS } from './defaults.js';
export type { BatchReport } from './event-source-mapping.js';
export type { FaultOptions } from './faults.js';
export type { InvokeResult } from './lambda-host.js';
export { LambdaFunction } from './lambda-host.js';
export type { OutboxEmail } from './outbox.js';
export {
  defaultBundles,
  type LocalPipeline,
  type LocalPipelineOptions,
  startLocalPipeline,
} from './pipeline.js';
