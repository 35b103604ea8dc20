// The server under load, in its own process so the load generator never shares its event loop.
// Usage (forked with IPC): server-child.mjs bare | pipeline [logLevel]
// Messages: -> { type: 'ready', url } ; <- 'status' -> { type: 'status', delivered, logBytes }
//           <- 'collect' -> { type: 'deliveries', delivered, deliveries: [requestId, epochMs][] } ; <- 'stop'
import { randomUUID } from 'node:crypto';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { startLocalPipeline } from '@signup/local';
import { epochMs } from './stats.js';

process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = 'true';

const send = (message: unknown) => process.send?.(message);
const [mode = 'bare', logLevel = 'ERROR'] = process.argv.slice(2);

let delivered = 0;
let deliveries: [string, number][] = [];
const logBytes: Record<string, { lines: number; bytes: number }> = {};
let stop: () => Promise<void>;

if (mode === 'bare') {
  // The ceiling: Node's http answering 200 with a JSON body of the same shape, after reading the body.
  const server = createServer((request, response) => {
    request.resume();
    request.on('end', () => {
      const body = JSON.stringify({ message: 'Signup received and queued', requestId: randomUUID() });
      response.writeHead(200, {
        'content-type': 'application/json',
        'content-length': Buffer.byteLength(body),
      });
      response.end(body);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  stop = () =>
    new Promise<void>((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    });
  send({ type: 'ready', url: `http://127.0.0.1:${port}` });
} else {
  const pipeline = await startLocalPipeline({
    port: 0,
    logLevel,
    subscribers: ['team@example.com'],
    onLogLine: (functionName, line) => {
      const entry = logBytes[functionName] ?? { lines: 0, bytes: 0 };
      logBytes[functionName] = entry;
      entry.lines++;
      entry.bytes += Buffer.byteLength(line) + 1; // the newline is ingested too
    },
  });
  pipeline.outbox.subscribe((email) => {
    delivered++;
    deliveries.push([email.requestId ?? '', epochMs()]);
  });
  stop = () => pipeline.stop();
  send({ type: 'ready', url: pipeline.url });
}

process.on('message', (message: { type: string }) => {
  if (message.type === 'status') send({ type: 'status', delivered, logBytes });
  else if (message.type === 'collect') {
    send({ type: 'deliveries', delivered, deliveries });
    deliveries = [];
  } else if (message.type === 'stop') {
    const force = setTimeout(() => process.exit(0), 5_000);
    void stop().finally(() => {
      clearTimeout(force);
      process.exit(0);
    });
  }
});
process.on('disconnect', () => process.exit(0));
