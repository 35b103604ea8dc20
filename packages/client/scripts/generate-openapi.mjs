// Writes docs/openapi.json from the built module (dist/openapi.js); `pnpm openapi` builds first and then
// lets Biome format the file. test/openapi.test.ts fails when the committed file differs from this output.
import { writeFile } from 'node:fs/promises';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { renderOpenApiDocument } from '../dist/openapi.js';

const repositoryRoot = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
const target = join(repositoryRoot, 'docs', 'openapi.json');
await writeFile(target, renderOpenApiDocument());
console.log(`wrote ${relative(process.cwd(), target)}`);
