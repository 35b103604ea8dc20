import {
  type Block,
  blocksOf,
  type Configuration,
  expressionOf,
  type HclValue,
  interpolated,
  literalStrings,
  type ModuleCall,
  type TfModule,
  where,
} from '../hcl';

/** One IAM statement found in the configuration, wherever it is written. */
export interface Statement {
  readonly at: string;
  readonly effect: 'Allow' | 'Deny';
  /** Literal actions, or undefined when they are an expression. */
  readonly actions: string[] | undefined;
  readonly resources: HclValue;
  /** In the policy of a KMS key, where the resource "*" means "this key". */
  readonly keyPolicy: boolean;
  /** `for_each` of a dynamic statement (a condition under which it exists), if any. */
  readonly forEach?: string;
}

/** Function module calls: calls of a module whose Lambda function takes the role's statements as a variable. */
export function functionCalls(config: Configuration): ModuleCall[] {
  return config.calls.filter(
    (call) =>
      call.module.resources.aws_lambda_function !== undefined &&
      call.module.variables.policy_statements !== undefined,
  );
}

function keyPolicyDocuments(module: TfModule): Set<string> {
  const names = new Set<string>();
  for (const key of Object.values(module.resources.aws_kms_key ?? {})) {
    const match = /data\.aws_iam_policy_document\.([\w-]+)/.exec(String(key.policy ?? ''));
    if (match?.[1]) names.add(match[1]);
  }
  return names;
}

function documentStatements(
  config: Configuration,
  module: TfModule,
  name: string,
  document: Block,
): Statement[] {
  const keyPolicy = keyPolicyDocuments(module).has(name);
  const at = where(config, module, `data.aws_iam_policy_document.${name}`);
  const toStatement = (body: Block, label: string, forEach?: string): Statement => ({
    at: `${at} ${label}`,
    effect: body.effect === 'Deny' ? 'Deny' : 'Allow',
    actions: literalStrings(body.actions),
    resources: body.resources ?? null,
    keyPolicy,
    ...(forEach === undefined ? {} : { forEach }),
  });
  const statements = blocksOf(document, 'statement').map((body, index) =>
    toStatement(body, `statement ${typeof body.sid === 'string' ? body.sid : index}`),
  );
  const dynamic = (document.dynamic ?? {}) as Record<string, Block[]>;
  for (const body of dynamic.statement ?? []) {
    const content = blocksOf(body, 'content')[0] ?? {};
    const forEach = expressionOf(body.for_each) ?? String(body.for_each);
    // Statements fed from the function module's `policy_statements` are checked where the calls fill them in.
    if (/\bvar\.policy_statements\b/.test(forEach)) continue;
    statements.push(toStatement(content, `dynamic statement ${content.sid ?? ''}`.trim(), forEach));
  }
  return statements;
}

/**
 * Every IAM statement of the configuration: `aws_iam_policy_document` data sources (static and dynamic
 * statements) and the `policy_statements` that root module calls hand to the function module.
 */
export function collectStatements(config: Configuration): Statement[] {
  const statements: Statement[] = [];
  for (const module of config.modules) {
    for (const [name, document] of Object.entries(module.data.aws_iam_policy_document ?? {})) {
      statements.push(...documentStatements(config, module, name, document));
    }
  }
  for (const call of functionCalls(config)) {
    const entries = call.args.policy_statements;
    const at = where(config, call.caller, `module.${call.name}.policy_statements`);
    if (typeof entries !== 'object' || entries === null || Array.isArray(entries)) {
      statements.push({ at, effect: 'Allow', actions: undefined, resources: null, keyPolicy: false });
      continue;
    }
    for (const [purpose, entry] of Object.entries(entries)) {
      const body = (
        typeof entry === 'object' && entry !== null && !Array.isArray(entry) ? entry : {}
      ) as Block;
      statements.push({
        at: `${at}.${purpose}`,
        effect: 'Allow',
        actions: literalStrings(body.actions),
        resources: body.resources ?? null,
        keyPolicy: false,
      });
    }
  }
  return statements;
}

function resourceStrings(resources: HclValue): string[] {
  if (typeof resources === 'string') return [resources];
  return Array.isArray(resources) ? resources.filter((item): item is string => typeof item === 'string') : [];
}

/** `"*"`, or a literal ARN pattern with a wildcard (`arn:aws:sqs:*:*:*`). */
function isWildcardResource(resource: string): boolean {
  return resource === '*' || (!resource.includes('${') && resource.includes('*'));
}

/**
 * No Allow statement uses a wildcard action, every action is written out literally, and `"*"` resources
 * appear only where AWS requires them: X-Ray's write actions and KMS key policies (where "*" is the key).
 * A Deny may use a service wildcard (`sqs:*`): it only ever takes access away.
 *
 * @example
 * checkPolicyWildcards(config); // ['infra/modules/function data.aws_iam_policy_document.this statement 0: wildcard action "sqs:*"']
 */
export function checkPolicyWildcards(config: Configuration): string[] {
  const violations: string[] = [];
  for (const statement of collectStatements(config)) {
    if (statement.actions === undefined) {
      violations.push(`${statement.at}: actions must be a literal list so they can be checked`);
      continue;
    }
    if (statement.effect === 'Deny') continue;
    for (const action of statement.actions) {
      if (action.includes('*')) violations.push(`${statement.at}: wildcard action "${action}"`);
    }
    const xrayOnly =
      statement.actions.length > 0 && statement.actions.every((action) => action.startsWith('xray:'));
    for (const resource of resourceStrings(statement.resources)) {
      if (isWildcardResource(resource) && !xrayOnly && !statement.keyPolicy) {
        violations.push(
          `${statement.at}: wildcard resource "${resource}" for ${statement.actions.join(', ')}`,
        );
      }
    }
    if (xrayOnly && statement.forEach !== undefined && !/\bvar\.tracing_enabled\b/.test(statement.forEach)) {
      violations.push(`${statement.at}: X-Ray permissions must exist only when var.tracing_enabled is true`);
    }
    if (xrayOnly && statement.forEach === undefined) {
      violations.push(`${statement.at}: X-Ray permissions must exist only when var.tracing_enabled is true`);
    }
  }
  for (const module of config.modules) {
    for (const [type, byName] of Object.entries(module.resources)) {
      for (const [name, body] of Object.entries(byName)) {
        for (const attribute of ['policy', 'assume_role_policy']) {
          const value = body[attribute];
          if (
            value !== undefined &&
            !/^data\.aws_iam_policy_document\.[\w-]+(\[[^\]]+\])?\.json$/.test(expressionOf(value) ?? '')
          ) {
            violations.push(
              `${where(config, module, `${type}.${name}`)}: ${attribute} must come from an aws_iam_policy_document`,
            );
          }
        }
      }
    }
    for (const [name, body] of Object.entries(module.resources.aws_iam_role_policy_attachment ?? {})) {
      if (/AdministratorAccess|PowerUserAccess|FullAccess/.test(String(body.policy_arn))) {
        violations.push(
          `${where(config, module, `aws_iam_role_policy_attachment.${name}`)}: broad managed policy ${body.policy_arn}`,
        );
      }
    }
  }
  return violations;
}

/** Expected permissions of one function: action -> the references (one or more) its resources may contain. */
export type ExpectedPermissions = Readonly<Record<string, string | readonly string[]>>;

/**
 * Each function's role gets exactly the expected actions (nothing more, nothing missing), each on the
 * expected resource; the function module adds only writing to the function's own log group (and X-Ray).
 *
 * @example
 * checkFunctionPermissions(config, { signup_handler: { 'sqs:SendMessage': 'module.queue.queue_arn' } });
 */
export function checkFunctionPermissions(
  config: Configuration,
  expected: Readonly<Record<string, ExpectedPermissions>>,
): string[] {
  const violations: string[] = [];
  const calls = functionCalls(config);
  for (const name of Object.keys(expected)) {
    if (!calls.some((call) => call.name === name))
      violations.push(`${where(config, config.root)}: no function module call "${name}"`);
  }
  const statements = collectStatements(config);
  for (const call of calls) {
    const wanted = expected[call.name];
    const prefix = `${where(config, call.caller, `module.${call.name}.policy_statements`)}.`;
    if (!wanted) {
      violations.push(
        `${where(config, call.caller, `module.${call.name}`)}: function without expected permissions`,
      );
      continue;
    }
    const granted = new Map<string, string[]>();
    for (const statement of statements.filter((item) => item.at.startsWith(prefix))) {
      for (const action of statement.actions ?? []) {
        granted.set(action, [...(granted.get(action) ?? []), ...resourceStrings(statement.resources)]);
      }
    }
    for (const [action, resources] of granted) {
      const wantedTargets = wanted[action];
      const targets: readonly string[] =
        typeof wantedTargets === 'string' ? [wantedTargets] : (wantedTargets ?? []);
      if (wantedTargets === undefined) {
        violations.push(
          `${where(config, call.caller, `module.${call.name}`)}: grants unexpected action ${action}`,
        );
      } else if (
        resources.length === 0 ||
        !resources.every((resource) => targets.some((target) => resource.includes(target)))
      ) {
        violations.push(
          `${where(config, call.caller, `module.${call.name}`)}: ${action} must apply to ${targets.join(' or ')} only, got ${resources.join(', ')}`,
        );
      }
    }
    for (const action of Object.keys(wanted)) {
      if (!granted.has(action))
        violations.push(`${where(config, call.caller, `module.${call.name}`)}: missing action ${action}`);
    }
  }
  for (const module of new Set(calls.map((call) => call.module))) {
    for (const statement of statements.filter((item) => item.at.startsWith(`${where(config, module)} `))) {
      if (statement.at.includes('assume_role') || statement.actions === undefined) continue;
      const logs = statement.actions.every(
        (action) => action === 'logs:CreateLogStream' || action === 'logs:PutLogEvents',
      );
      const xray = statement.actions.every((action) => action.startsWith('xray:'));
      const ownLogGroup = resourceStrings(statement.resources).every((resource) =>
        resource.startsWith(interpolated('aws_cloudwatch_log_group.this.arn')),
      );
      if (!(logs && ownLogGroup) && !xray) {
        violations.push(`${statement.at}: a function role may only write its own log group (and X-Ray)`);
      }
    }
  }
  return violations;
}
