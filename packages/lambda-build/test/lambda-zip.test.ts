import { createHash } from 'node:crypto';
import { mkdtemp, readFile, rm, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { writeLambdaZip } from '../src/lambda-zip.js';

const sha256 = async (path: string) =>
  createHash('sha256')
    .update(await readFile(path))
    .digest('hex');

describe('writeLambdaZip', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'lambda-zip-'));
  });
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('writes the same bytes for the same code, whatever the file times', async () => {
    // Prepare
    const source = join(dir, 'index.mjs');
    await writeFile(source, 'export const handler = async () => 42;\n');

    // Act
    await writeLambdaZip(join(dir, 'first.zip'), [{ path: source, name: 'index.mjs' }]);
    await utimes(source, new Date('2031-05-06T07:08:09Z'), new Date('2031-05-06T07:08:09Z'));
    await writeLambdaZip(join(dir, 'second.zip'), [{ path: source, name: 'index.mjs' }]);

    // Assess
    expect(await sha256(join(dir, 'second.zip'))).toBe(await sha256(join(dir, 'first.zip')));
  });

  it('writes different bytes when the code changes', async () => {
    // Prepare
    const source = join(dir, 'index.mjs');
    await writeFile(source, 'export const handler = async () => 42;\n');
    await writeLambdaZip(join(dir, 'first.zip'), [{ path: source, name: 'index.mjs' }]);
    await writeFile(source, 'export const handler = async () => 43;\n');

    // Act
    await writeLambdaZip(join(dir, 'second.zip'), [{ path: source, name: 'index.mjs' }]);

    // Assess
    expect(await sha256(join(dir, 'second.zip'))).not.toBe(await sha256(join(dir, 'first.zip')));
  });

  it('puts the file at the root of the zip under its given name, stored uncompressed', async () => {
    // Prepare
    const source = join(dir, 'bundle.mjs');
    const code = 'export const handler = async () => "hello";\n';
    await writeFile(source, code);

    // Act
    await writeLambdaZip(join(dir, 'fn.zip'), [{ path: source, name: 'index.mjs' }]);

    // Assess
    const zip = await readFile(join(dir, 'fn.zip'));
    expect(zip.readUInt32LE(0)).toBe(0x04034b50); // local file header
    expect(zip.readUInt16LE(8)).toBe(0); // method: stored
    const nameLength = zip.readUInt16LE(26);
    expect(zip.subarray(30, 30 + nameLength).toString()).toBe('index.mjs');
    expect(zip.toString('utf8')).toContain(code);
  });
});
