#!/usr/bin/env node
// Usage: make-lambda-zip <function-name>
// Zips dist/index.mjs of the current package into dist/<function-name>.zip (handler: index.handler).
export {};

process.env.TZ = 'UTC'; // yazl writes DOS timestamps in local time: pin the zone before it loads.
const { writeLambdaZip } = await import('../src/lambda-zip.js');
const { createHash } = await import('node:crypto');
const { readFile } = await import('node:fs/promises');

const functionName = process.argv[2];
if (!functionName || !/^[a-z0-9-]+$/.test(functionName)) {
  console.error('usage: make-lambda-zip <function-name>   (lowercase letters, digits and dashes)');
  process.exit(2);
}
const zipPath = `dist/${functionName}.zip`;
await writeLambdaZip(zipPath, [{ path: 'dist/index.mjs', name: 'index.mjs' }]);
const bytes = await readFile(zipPath);
const sha256 = createHash('sha256').update(bytes).digest('hex');
console.log(`${zipPath}  ${(bytes.length / 1024).toFixed(1)} KiB  sha256 ${sha256}`);
