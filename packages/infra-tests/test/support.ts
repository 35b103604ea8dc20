import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type Configuration, loadConfiguration } from '../src/index';

const here = dirname(fileURLToPath(import.meta.url));

/** The repository root (paths such as packages/<fn>/dist/<fn>.zip are relative to it). */
export const REPO_ROOT = resolve(here, '../../..');
export const INFRA_DIR = join(REPO_ROOT, 'infra');
export const FIXTURES_DIR = join(here, 'fixtures');

/** The real configuration in infra/. */
export function loadInfra(): Promise<Configuration> {
  return loadConfiguration(INFRA_DIR, REPO_ROOT);
}

/** A small broken configuration under test/fixtures/<name>. */
export function loadFixture(name: string): Promise<Configuration> {
  return loadConfiguration(join(FIXTURES_DIR, name), FIXTURES_DIR);
}

/** One textual change to a file of infra/ (path relative to infra/). */
export interface Mutation {
  readonly file: string;
  readonly from: string | RegExp;
  readonly to: string;
}

const copies: string[] = [];

/**
 * Copies infra/ into a temporary repository root, applies the mutations (each must match, so a test never
 * passes because the text it meant to break no longer exists) and loads the copy.
 */
export async function loadMutatedInfra(
  ...mutations: Mutation[]
): Promise<{ config: Configuration; repoRoot: string }> {
  const repoRoot = mkdtempSync(join(tmpdir(), 'infra-tests-'));
  copies.push(repoRoot);
  const infra = join(repoRoot, 'infra');
  cpSync(INFRA_DIR, infra, { recursive: true, filter: (source) => !source.includes('.terraform') });
  for (const { file, from, to } of mutations) {
    const path = join(infra, file);
    const source = readFileSync(path, 'utf8');
    const changed = source.replace(from, to);
    if (changed === source)
      throw new Error(`mutation did not apply: ${String(from)} not found in infra/${file}`);
    writeFileSync(path, changed);
  }
  return { config: await loadConfiguration(infra, repoRoot), repoRoot };
}

/** Removes the temporary copies made by loadMutatedInfra. */
export function removeMutatedCopies(): void {
  for (const dir of copies.splice(0)) rmSync(dir, { recursive: true, force: true });
}
