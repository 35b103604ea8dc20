import { relative, resolve } from 'node:path';
import { blocksOf, type Configuration, expressionOf, resourcesOfType, where } from '../hcl';
import { functionCalls } from './iam';

/** Package (and zip) name of the function a module call deploys: `signup_handler` -> `signup-handler`. */
export function packageNameOf(callName: string): string {
  return callName.replaceAll('_', '-');
}

/** Where `make build` writes a function's zip, relative to the repository root. */
export function buildZipPath(packageName: string): string {
  return `packages/${packageName}/dist/${packageName}.zip`;
}

/**
 * The Lambda functions deploy exactly the zips the build writes (`packages/<fn>/dist/<fn>.zip`, resolved from
 * the calling module's directory), with `source_code_hash = filebase64sha256(var.zip_path)`, handler
 * `index.handler`, arm64 and a Node.js runtime defaulting to nodejs24.x (nodejs22.x/nodejs24.x only).
 */
export function checkFunctionPackages(
  config: Configuration,
  repoRoot: string,
  expected: readonly string[],
): string[] {
  const violations: string[] = [];
  const calls = functionCalls(config);
  const deployed = calls.map((call) => packageNameOf(call.name)).sort();
  if (JSON.stringify(deployed) !== JSON.stringify([...expected].sort())) {
    violations.push(
      `${where(config, config.root)}: deploys ${deployed.join(', ')}; the build makes ${[...expected].sort().join(', ')}`,
    );
  }
  for (const call of calls) {
    const at = where(config, call.caller, `module.${call.name}`);
    const zip = String(call.args.zip_path ?? '');
    const pathInModule = /^\$\{path\.module\}\/(.+)$/.exec(zip)?.[1];
    const want = buildZipPath(packageNameOf(call.name));
    if (!pathInModule) {
      violations.push(
        `${at}: zip_path must start with \${path.module}/ so it works from any directory, got "${zip}"`,
      );
    } else if (relative(repoRoot, resolve(call.caller.dir, pathInModule)) !== want) {
      violations.push(
        `${at}: zip_path resolves to ${relative(repoRoot, resolve(call.caller.dir, pathInModule))}, the build writes ${want}`,
      );
    }
  }
  for (const { module, name, body } of resourcesOfType(config, 'aws_lambda_function')) {
    const at = where(config, module, `aws_lambda_function.${name}`);
    if (expressionOf(body.filename) !== 'var.zip_path')
      violations.push(`${at}: filename must be var.zip_path`);
    if (expressionOf(body.source_code_hash) !== 'filebase64sha256(var.zip_path)') {
      violations.push(`${at}: source_code_hash must be filebase64sha256(var.zip_path)`);
    }
    const variableDefault = (attribute: string): unknown => {
      const variable = /^var\.([\w-]+)$/.exec(expressionOf(body[attribute]) ?? '')?.[1];
      return variable ? module.variables[variable]?.default : body[attribute];
    };
    if (variableDefault('handler') !== 'index.handler')
      violations.push(`${at}: handler must default to index.handler`);
    if (variableDefault('runtime') !== 'nodejs24.x')
      violations.push(`${at}: runtime must default to nodejs24.x`);
    const runtimeVariable = /^var\.([\w-]+)$/.exec(expressionOf(body.runtime) ?? '')?.[1];
    const validation = JSON.stringify(runtimeVariable ? module.variables[runtimeVariable]?.validation : null);
    if (!validation.includes('nodejs22.x') || !validation.includes('nodejs24.x')) {
      violations.push(`${at}: the runtime variable must be validated against nodejs22.x and nodejs24.x`);
    }
    const architectures = body.architectures;
    const architecture = Array.isArray(architectures) ? architectures[0] : undefined;
    const arch = /^\$\{var\.([\w-]+)\}$/.exec(String(architecture ?? ''))?.[1];
    if ((arch ? module.variables[arch]?.default : architecture) !== 'arm64')
      violations.push(`${at}: architecture must default to arm64`);
  }
  return violations;
}

/** Environment variables Powertools reads, set on every function. */
export const POWERTOOLS_ENV = [
  'POWERTOOLS_SERVICE_NAME',
  'POWERTOOLS_LOG_LEVEL',
  'POWERTOOLS_METRICS_NAMESPACE',
  'POWERTOOLS_TRACE_ENABLED',
] as const;

/**
 * Each function gets exactly the environment variables its handler reads (names from the handler's own
 * config.ts) plus the Powertools ones, and the function module passes them through unchanged.
 *
 * @example
 * checkEnvironmentVariables(config, { signup_handler: ['SIGNUP_QUEUE_URL', 'ALLOWED_ORIGIN', ...POWERTOOLS_ENV] });
 */
export function checkEnvironmentVariables(
  config: Configuration,
  expected: Readonly<Record<string, readonly string[]>>,
): string[] {
  const violations: string[] = [];
  const calls = functionCalls(config);
  for (const [name, names] of Object.entries(expected)) {
    const call = calls.find((item) => item.name === name);
    if (!call) {
      violations.push(`${where(config, config.root)}: no function module call "${name}"`);
      continue;
    }
    const at = where(config, call.caller, `module.${name}.environment_variables`);
    const environment = call.args.environment_variables;
    if (typeof environment !== 'object' || environment === null || Array.isArray(environment)) {
      violations.push(`${at}: must be a literal map so its names can be checked`);
      continue;
    }
    const actual = Object.keys(environment);
    for (const missing of names.filter((item) => !actual.includes(item)))
      violations.push(`${at}: missing ${missing}`);
    for (const extra of actual.filter((item) => !names.includes(item)))
      violations.push(`${at}: unexpected ${extra} (the handler does not read it)`);
  }
  for (const module of new Set(calls.map((call) => call.module))) {
    for (const [name, body] of Object.entries(module.resources.aws_lambda_function ?? {})) {
      const variables = blocksOf(body, 'environment')[0]?.variables;
      if (expressionOf(variables) !== 'var.environment_variables') {
        violations.push(
          `${where(config, module, `aws_lambda_function.${name}`)}: environment.variables must be var.environment_variables, unchanged`,
        );
      }
    }
  }
  return violations;
}

/**
 * X-Ray is switched by `var.tracing_enabled` (default false): active tracing on the functions and the API
 * stage, and the Powertools tracer flag follows it.
 */
export function checkTracing(config: Configuration): string[] {
  const violations: string[] = [];
  if (config.root.variables.tracing_enabled?.default !== false) {
    violations.push(`${where(config, config.root, 'var.tracing_enabled')}: must exist and default to false`);
  }
  for (const { module, name, body } of resourcesOfType(config, 'aws_lambda_function')) {
    const mode = String(blocksOf(body, 'tracing_config')[0]?.mode ?? '');
    if (!/var\.tracing_enabled \? "Active"/.test(mode)) {
      violations.push(
        `${where(config, module, `aws_lambda_function.${name}`)}: tracing_config.mode must be "Active" when var.tracing_enabled`,
      );
    }
  }
  for (const { module, name, body } of resourcesOfType(config, 'aws_api_gateway_stage')) {
    if (!/var\.[\w]*(tracing|xray)[\w]*/.test(String(body.xray_tracing_enabled ?? ''))) {
      violations.push(
        `${where(config, module, `aws_api_gateway_stage.${name}`)}: xray_tracing_enabled must follow a tracing variable`,
      );
    }
  }
  for (const call of functionCalls(config)) {
    if (expressionOf(call.args.tracing_enabled) !== 'var.tracing_enabled') {
      violations.push(
        `${where(config, call.caller, `module.${call.name}`)}: tracing_enabled must be var.tracing_enabled`,
      );
    }
    const environment = call.args.environment_variables as Record<string, unknown> | undefined;
    if (!String(environment?.POWERTOOLS_TRACE_ENABLED ?? '').includes('var.tracing_enabled')) {
      violations.push(
        `${where(config, call.caller, `module.${call.name}`)}: POWERTOOLS_TRACE_ENABLED must follow var.tracing_enabled`,
      );
    }
  }
  return violations;
}
