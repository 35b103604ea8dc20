// Adds up the vitest JSON reports of every package and prints one plain closing line.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

let passed = 0;
let failed = 0;
let skipped = 0;
const missing = [];
for (const name of readdirSync('packages').sort()) {
  const manifest = join('packages', name, 'package.json');
  if (!existsSync(manifest) || !JSON.parse(readFileSync(manifest, 'utf8')).scripts?.test) continue;
  const report = join('packages', name, '.vitest', 'results.json');
  if (!existsSync(report)) {
    missing.push(name);
    continue;
  }
  const results = JSON.parse(readFileSync(report, 'utf8'));
  passed += results.numPassedTests;
  failed += results.numFailedTests;
  skipped += results.numPendingTests + (results.numTodoTests ?? 0);
  console.log(`  ${name.padEnd(16)} ${results.numPassedTests} passed, ${results.numFailedTests} failed`);
}
if (missing.length > 0) console.log(`  no report from: ${missing.join(', ')}`);
console.log(`${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`);
process.exit(failed > 0 || missing.length > 0 || passed === 0 ? 1 : 0);
