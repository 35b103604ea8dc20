export { checkAlarms, type ExpectedAlarm } from './checks/alarms';
export { checkDashboard } from './checks/dashboard';
export { checkEncryption, checkIdempotencyTable } from './checks/encryption';
export { checkFormatting } from './checks/format';
export {
  buildZipPath,
  checkEnvironmentVariables,
  checkFunctionPackages,
  checkTracing,
  POWERTOOLS_ENV,
  packageNameOf,
} from './checks/functions';
export {
  checkFunctionPermissions,
  checkPolicyWildcards,
  collectStatements,
  type ExpectedPermissions,
  functionCalls,
  type Statement,
} from './checks/iam';
export { checkModuleLayout, checkVariableDeclarations, MODULE_FILES } from './checks/layout';
export { checkLogging } from './checks/logs';
export {
  checkDeadLetterQueues,
  checkEventSourceMappings,
  checkVisibilityTimeout,
  VISIBILITY_TIMEOUT_FACTOR,
} from './checks/queue';
export { EvaluationError, evaluate, type Value } from './evaluate';
export * from './hcl';
