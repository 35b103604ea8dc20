import { mkdir, readFile, realpath, rm, symlink } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { legacySignupMessageSchema, signupMessageV1Schema, signupRequestSchema } from '@signup/schema';
import { build, type Plugin } from 'esbuild';
import { BENCH_DIR, type FunctionName, packageDir, REPO_ROOT, WORK_DIR } from './paths.js';

/**
 * What "naive" means here, and the only two ways it differs from the production bundle (same esbuild
 * settings otherwise: ESM, node20, minified, tree-shaken, same entry `src/index.ts`):
 *  1. `@aws-sdk/*` is not bundled: it is imported at run time from node_modules (the function package's
 *     own installed copy, linked next to the bundle), as an unbundled deployment or the runtime's SDK would be;
 *  2. the JSON Schemas are compiled by Ajv when the module loads (`ajv.compile(schema)`, allErrors, the
 *     `email` format from ajv-formats), instead of the build-time standalone validators of @signup/schema.
 * The naive validator module stands in for `packages/schema/src/generated/validators.js`; the schema
 * package is bundled from its sources so that swap is possible.
 */
export const NAIVE_DESCRIPTION =
  'esbuild bundle of the same `src/index.ts` with the same settings, except `@aws-sdk/*` left external (loaded from node_modules at run time) and the JSON Schemas compiled with `ajv.compile()` at module load instead of the build-time standalone validators';

const naiveValidatorsSource = () => `
import Ajv from 'ajv';
import addFormats from 'ajv-formats';
const ajv = new Ajv({ allErrors: true, strict: true });
addFormats(ajv, { mode: 'full', formats: ['email'] });
// Each function compiles, at load, the schemas it uses (the pure marks let unused ones be dropped).
export const signupRequest = /* @__PURE__ */ ajv.compile(${JSON.stringify(signupRequestSchema)});
export const signupMessageV1 = /* @__PURE__ */ ajv.compile(${JSON.stringify(signupMessageV1Schema)});
export const legacySignupMessage = /* @__PURE__ */ ajv.compile(${JSON.stringify(legacySignupMessageSchema)});
`;

/** Builds the naive bundle of `fn`; returns its path and the SDK packages it loads from node_modules. */
export async function buildNaiveBundle(fn: FunctionName): Promise<{ bundle: string; external: string[] }> {
  const outDir = join(WORK_DIR, 'naive', fn);
  await rm(outDir, { recursive: true, force: true });
  /** Each external package, with the directory of the first file that imports it. */
  const external = new Map<string, string>();
  const naive: Plugin = {
    name: 'naive',
    setup(builder) {
      builder.onResolve({ filter: /^@aws-sdk\// }, (args) => {
        const name = args.path.split('/').slice(0, 2).join('/');
        if (!external.has(name)) external.set(name, args.resolveDir);
        return { path: args.path, external: true };
      });
      builder.onResolve({ filter: /^@signup\/schema$/ }, () => ({
        path: join(REPO_ROOT, 'packages', 'schema', 'src', 'index.ts'),
      }));
      builder.onResolve({ filter: /\/generated\/validators(\.js)?$/ }, () => ({
        path: 'validators',
        namespace: 'naive-validators',
      }));
      builder.onLoad({ filter: /.*/, namespace: 'naive-validators' }, () => ({
        contents: naiveValidatorsSource(),
        loader: 'js',
        resolveDir: BENCH_DIR,
      }));
    },
  };
  const bundle = join(outDir, 'index.mjs');
  await build({
    entryPoints: [join(packageDir(fn), 'src', 'index.ts')],
    outfile: bundle,
    bundle: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    minify: true,
    treeShaking: true,
    legalComments: 'none',
    mainFields: ['module', 'main'],
    banner: {
      js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);",
    },
    plugins: [naive],
    logLevel: 'error',
  });
  // node_modules next to the bundle: the SDK packages installed for the code that imports them.
  for (const [name, importerDir] of external) {
    const target = await packageRoot(createRequire(join(importerDir, 'importer.js')).resolve(name), name);
    const link = join(outDir, 'node_modules', name);
    await mkdir(dirname(link), { recursive: true });
    await symlink(target, link, 'dir');
  }
  return { bundle, external: [...external.keys()].sort() };
}

/** The installed directory of package `name`, found upwards from one of its files. */
async function packageRoot(file: string, name: string): Promise<string> {
  let dir = dirname(file);
  while (dir !== dirname(dir)) {
    const manifest = await readFile(join(dir, 'package.json'), 'utf8').catch(() => undefined);
    if (manifest && (JSON.parse(manifest) as { name?: string }).name === name) return realpath(dir);
    dir = dirname(dir);
  }
  throw new Error(`cannot find the package directory of ${name} from ${file}`);
}
