import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { format } from '@cdktf/hcl-tools';

function tfFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    if (entry.isDirectory()) return entry.name.startsWith('.') ? [] : tfFiles(join(dir, entry.name));
    return entry.name.endsWith('.tf') ? [join(dir, entry.name)] : [];
  });
}

/**
 * Every `.tf` file under a directory is formatted as `terraform fmt` would write it.
 *
 * @example
 * await checkFormatting('infra'); // ['infra/main.tf: not formatted as terraform fmt would (line 3)']
 */
export async function checkFormatting(dir: string, baseDir = join(dir, '..')): Promise<string[]> {
  const violations: string[] = [];
  for (const file of tfFiles(dir).sort()) {
    const source = readFileSync(file, 'utf8');
    const formatted = await format(source);
    if (formatted !== source) {
      const lines = source.split('\n');
      const expected = formatted.split('\n');
      const line = lines.findIndex((text, index) => text !== expected[index]) + 1;
      violations.push(`${relative(baseDir, file)}: not formatted as terraform fmt would (line ${line})`);
    }
  }
  return violations;
}
