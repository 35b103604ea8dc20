// @ts-check
import { createWriteStream } from 'node:fs';
import { readFile, rename } from 'node:fs/promises';
import { pipeline } from 'node:stream/promises';
import yazl from 'yazl';

// A constant timestamp and mode, entries in a fixed order, and no compression (whose output depends
// on the zlib version): the same bundle gives the same zip bytes on any machine, so Terraform's
// source_code_hash changes only when the code does.
const FIXED_MTIME = new Date(Date.UTC(2000, 0, 1, 0, 0, 0));
const FILE_MODE = 0o100644;

/**
 * Writes a deterministic Lambda deployment zip.
 *
 * @param {string} zipPath where to write the zip
 * @param {ReadonlyArray<{ path: string, name: string }>} files each file's source path and its name in the zip
 * @example
 * await writeLambdaZip('dist/signup-handler.zip', [{ path: 'dist/index.mjs', name: 'index.mjs' }]);
 */
export async function writeLambdaZip(zipPath, files) {
  const zip = new yazl.ZipFile();
  const ordered = [...files].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const file of ordered) {
    zip.addBuffer(await readFile(file.path), file.name, {
      mtime: FIXED_MTIME,
      mode: FILE_MODE,
      compress: false,
      forceDosTimestamp: true,
    });
  }
  zip.end();
  const partialPath = `${zipPath}.partial`;
  await pipeline(zip.outputStream, createWriteStream(partialPath));
  await rename(partialPath, zipPath);
}
