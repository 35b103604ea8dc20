import { rm } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { legacySignupMessageSchema, signupMessageV1Schema, signupRequestSchema } from '@signup/schema';
import { build, type Plugin } from 'esbuild';
import { BENCH_DIR, type FunctionName, packageDir, REPO_ROOT, WORK_DIR } from './paths.js';

/**
 * What "naive" means here, and the only two ways it differs from the production bundle (same esbuild
 * settings otherwise: ESM, node20, minified, tree-shaken, same entry `src/index.ts`):
 *  1. `@aws-sdk/*` is not bundled: it is imported at run time from node_modules (the copy installed for
 *     the importing code), as an unbundled deployment or the runtime's SDK would be;
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
  /** Each SDK package left external, and the file the bundle imports it from. */
  const external = new Map<string, string>();
  const naive: Plugin = {
    name: 'naive',
    setup(builder) {
      // Left out of the bundle and imported at run time from the installed package, as Node would resolve
      // it from the importing file. The import names the resolved file (a file: URL) rather than the bare
      // package name, so the bundle needs no node_modules (and no symlinks) next to it. These packages
      // have no "exports" map, so Node's ESM resolution picks "main" (dist-cjs), exactly as require does.
      builder.onResolve({ filter: /^@aws-sdk\// }, (args) => {
        const file = createRequire(join(args.resolveDir, 'importer.js')).resolve(args.path);
        external.set(args.path, file);
        return { path: pathToFileURL(file).href, external: true };
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
  return { bundle, external: [...external.keys()].sort() };
}
