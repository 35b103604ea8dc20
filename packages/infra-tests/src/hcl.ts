import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { parse } from '@cdktf/hcl2json';

/** A value as `@cdktf/hcl2json` returns it: literals stay literal, expressions become `"${...}"` strings. */
export type HclValue = string | number | boolean | null | HclValue[] | { [key: string]: HclValue };

/** The body of one block (resource, data source, variable, module call, ...). */
export type Block = { [key: string]: HclValue };

/** Every `.tf` file of one directory, merged as Terraform does. */
export interface TfModule {
  /** Absolute path of the directory. */
  readonly dir: string;
  /** File name -> source text. */
  readonly files: Readonly<Record<string, string>>;
  /** Resource type -> resource name -> body. */
  readonly resources: Readonly<Record<string, Record<string, Block>>>;
  /** Data source type -> name -> body. */
  readonly data: Readonly<Record<string, Record<string, Block>>>;
  readonly variables: Readonly<Record<string, Block>>;
  readonly outputs: Readonly<Record<string, Block>>;
  readonly locals: Readonly<Record<string, HclValue>>;
  /** Module call name -> body (with `source`). */
  readonly moduleCalls: Readonly<Record<string, Block>>;
  /** Names of the provider blocks. */
  readonly providers: readonly string[];
}

/** A `module "name" {}` block and the local module it loads. */
export interface ModuleCall {
  readonly caller: TfModule;
  readonly name: string;
  readonly args: Block;
  readonly module: TfModule;
}

/** A root module and every local module it loads, recursively. */
export interface Configuration {
  readonly root: TfModule;
  /** Every loaded module, the root first, each directory once. */
  readonly modules: readonly TfModule[];
  readonly calls: readonly ModuleCall[];
  /** Directory the locations in violations are relative to. */
  readonly baseDir: string;
}

type Parsed = Record<string, unknown>;

function firstBlocks(section: unknown): Record<string, Block> {
  const out: Record<string, Block> = {};
  for (const [name, bodies] of Object.entries((section ?? {}) as Record<string, Block[]>)) {
    const body = bodies[0];
    if (body) out[name] = body;
  }
  return out;
}

function mergeTyped(target: Record<string, Record<string, Block>>, section: unknown): void {
  for (const [type, byName] of Object.entries((section ?? {}) as Record<string, unknown>)) {
    target[type] = { ...target[type], ...firstBlocks(byName) };
  }
}

/**
 * Parses every `.tf` file of a directory (not its subdirectories) with HashiCorp's HCL parser.
 *
 * @example
 * const queue = await loadModule('infra/modules/queue');
 * queue.resources.aws_sqs_queue?.this;
 */
export async function loadModule(dir: string): Promise<TfModule> {
  const absolute = resolve(dir);
  const names = readdirSync(absolute)
    .filter((name) => name.endsWith('.tf'))
    .sort();
  const files: Record<string, string> = {};
  const resources: Record<string, Record<string, Block>> = {};
  const data: Record<string, Record<string, Block>> = {};
  let variables: Record<string, Block> = {};
  let outputs: Record<string, Block> = {};
  let moduleCalls: Record<string, Block> = {};
  const locals: Record<string, HclValue> = {};
  const providers: string[] = [];
  for (const name of names) {
    const source = readFileSync(join(absolute, name), 'utf8');
    files[name] = source;
    const parsed = (await parse(name, source)) as Parsed;
    mergeTyped(resources, parsed.resource);
    mergeTyped(data, parsed.data);
    variables = { ...variables, ...firstBlocks(parsed.variable) };
    outputs = { ...outputs, ...firstBlocks(parsed.output) };
    moduleCalls = { ...moduleCalls, ...firstBlocks(parsed.module) };
    for (const block of (parsed.locals ?? []) as Block[]) Object.assign(locals, block);
    providers.push(...Object.keys((parsed.provider ?? {}) as object));
  }
  return { dir: absolute, files, resources, data, variables, outputs, locals, moduleCalls, providers };
}

/**
 * Loads a root module and, recursively, every module it calls with a local `./` or `../` source.
 *
 * @example
 * const config = await loadConfiguration('infra');
 */
export async function loadConfiguration(
  rootDir: string,
  baseDir = resolve(rootDir, '..'),
): Promise<Configuration> {
  const byDir = new Map<string, TfModule>();
  const calls: ModuleCall[] = [];
  const visit = async (dir: string): Promise<TfModule> => {
    const known = byDir.get(dir);
    if (known) return known;
    const module = await loadModule(dir);
    byDir.set(dir, module);
    for (const [name, args] of Object.entries(module.moduleCalls)) {
      const source = args.source;
      if (typeof source !== 'string' || !/^\.\.?\//.test(source)) continue;
      calls.push({ caller: module, name, args, module: await visit(resolve(dir, source)) });
    }
    return module;
  };
  const root = await visit(resolve(rootDir));
  return { root, modules: [...byDir.values()], calls, baseDir: resolve(baseDir) };
}

/** `infra/modules/queue` for a module, relative to the configuration's base directory. */
export function where(config: Configuration, module: TfModule, address?: string): string {
  const dir = relative(config.baseDir, module.dir) || '.';
  return address ? `${dir} ${address}` : dir;
}

/**
 * The expression of a value written as a bare expression (`"${var.x}"` -> `var.x`), or undefined for a
 * literal or a template with text around its interpolations (`"${var.a}-q"`).
 */
export function expressionOf(value: HclValue | undefined): string | undefined {
  if (typeof value !== 'string' || !value.startsWith('${') || !value.endsWith('}')) return undefined;
  let depth = 0;
  let quoted = false;
  for (let index = 0; index < value.length; index += 1) {
    const char = value[index];
    if (quoted) {
      if (char === '\\') index += 1;
      else if (char === '"') quoted = false;
      continue;
    }
    if (char === '"') quoted = true;
    else if (char === '{') depth += 1;
    else if (char === '}') {
      depth -= 1;
      if (depth === 0 && index !== value.length - 1) return undefined;
    }
  }
  return value.slice(2, -1).trim();
}

/** Whether a value contains an interpolation or expression anywhere. */
export function isDynamic(value: HclValue | undefined): boolean {
  return JSON.stringify(value ?? null).includes('${');
}

/** Every block of a nested block list (`statement`, `lifecycle`, ...), or []. */
export function blocksOf(body: Block | undefined, name: string): Block[] {
  const value = body?.[name];
  return Array.isArray(value)
    ? (value.filter((item) => typeof item === 'object' && item !== null) as Block[])
    : [];
}

/** Every resource of a type in every module, with its module and name. */
export function resourcesOfType(
  config: Configuration,
  type: string,
): { module: TfModule; name: string; body: Block }[] {
  return config.modules.flatMap((module) =>
    Object.entries(module.resources[type] ?? {}).map(([name, body]) => ({ module, name, body })),
  );
}

/** A list of literal strings, or undefined when the value is an expression or holds one. */
export function literalStrings(value: HclValue | undefined): string[] | undefined {
  if (!Array.isArray(value)) return undefined;
  if (!value.every((item): item is string => typeof item === 'string' && !item.includes('${')))
    return undefined;
  return value;
}

/** How hcl2json writes a bare expression: `interpolated('var.x')` is `"${var.x}"`. */
export function interpolated(expression: string): string {
  return `\${${expression}}`;
}
