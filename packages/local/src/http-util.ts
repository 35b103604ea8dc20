import type { IncomingMessage, Server } from 'node:http';

export function closeServer(server: Server): Promise<void> {
  return new Promise((resolve) => {
    server.close(() => resolve());
    server.closeAllConnections();
  });
}

export async function readBody(request: IncomingMessage, limitBytes = 10 * 1024 * 1024): Promise<string> {
  return (await readBodyBytes(request, limitBytes)).toString('utf8');
}

export class BodyTooLargeError extends Error {}

export async function readBodyBytes(request: IncomingMessage, limitBytes: number): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request) {
    size += (chunk as Buffer).length;
    if (size > limitBytes) throw new BodyTooLargeError(`Body over ${limitBytes} bytes`);
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks);
}
