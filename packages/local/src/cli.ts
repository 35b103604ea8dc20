#!/usr/bin/env node
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { CLI_VARIABLES, CliConfigError, readCliConfig } from './cli-config.js';
import { watchHandlers } from './dev-watch.js';
import { defaultBundles, startLocalPipeline } from './pipeline.js';

process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = 'true';

if (process.argv.includes('--help')) {
  console.log(
    'make dev: the signup pipeline on 127.0.0.1, no AWS account, no Docker.\n\nEnvironment variables:',
  );
  for (const [name, help] of Object.entries(CLI_VARIABLES)) console.log(`  ${name.padEnd(28)} ${help}`);
  process.exit(0);
}

let options: ReturnType<typeof readCliConfig>;
try {
  options = readCliConfig(process.env, process.cwd());
} catch (error) {
  if (!(error instanceof CliConfigError)) throw error;
  console.error(`make dev: ${error.message}`);
  process.exit(2);
}

const dim = (text: string) => (process.stdout.isTTY ? `\x1b[2m${text}\x1b[0m` : text);
const bold = (text: string) => (process.stdout.isTTY ? `\x1b[1m${text}\x1b[0m` : text);

const pipeline = await startLocalPipeline({
  ...options,
  onLogLine: (functionName, line) => console.log(dim(`[${functionName}] ${line}`)),
  onRequest: (record) =>
    console.log(
      `${bold('api')}     ${record.method} ${record.path} -> ${record.status} in ${record.latencyMs} ms`,
    ),
  onEmail: (email) =>
    console.log(`${bold('outbox')}  to ${email.recipient} | ${email.subject} | ${email.message}`),
  onBatch: (batch) => {
    if (batch.failed > 0) {
      console.log(
        `${bold('queue')}   batch of ${batch.size}: ${batch.failed} failed, will be retried${batch.batchError ? ` (${batch.batchError})` : ''}`,
      );
    }
  },
}).catch((error: unknown) => {
  const message = error instanceof Error ? error.message : String(error);
  console.error(`make dev: the local pipeline could not start: ${message}`);
  if (/EADDRINUSE/.test(message))
    console.error(`Port ${options.port} is taken: stop the other process or set PORT.`);
  if (/Cannot find|ERR_MODULE_NOT_FOUND/.test(message)) console.error('Build the handlers first: make build');
  process.exit(1);
});

console.log(`
${bold('Signup pipeline running locally')} (no AWS, no Docker)
  Console    ${pipeline.url}/_local/
  API        POST ${pipeline.url}/signup
  Outbox     GET  ${pipeline.url}/_local/outbox   (.eml files in ${options.outboxDirectory})
  Queues     GET  ${pipeline.url}/_local/queues   DLQ redrive: POST ${pipeline.url}/_local/dlq/redrive
  Subscribers ${(options.subscribers ?? []).join(', ')}

Try it:
  curl -s -X POST ${pipeline.url}/signup -H 'content-type: application/json' -d '{"name":"Ada","email":"ada@example.com"}'

Ctrl-C stops everything.
`);

// The edit loop: a saved change to a handler (or the schema) is rebuilt and live within seconds.
const bundles = defaultBundles();
const signupHandlerDir = dirname(dirname(bundles.signupHandler));
const schemaDir = join(dirname(signupHandlerDir), 'schema');
const watcher =
  process.env.LOCAL_WATCH === 'false'
    ? undefined
    : watchHandlers({
        functions: [
          { fn: pipeline.signupHandler, packageDir: signupHandlerDir },
          { fn: pipeline.processUser, packageDir: dirname(dirname(bundles.processUser)) },
        ],
        schemaDir: existsSync(schemaDir) ? schemaDir : undefined,
        onEvent: (message) => console.log(`${bold('watch')}   ${message}`),
      });

let stopping = false;
const shutdown = async (signal: string) => {
  if (stopping) return;
  stopping = true;
  console.log(`\n${signal}: stopping the local pipeline...`);
  const forceExit = setTimeout(() => process.exit(1), 5000);
  forceExit.unref();
  await watcher?.close();
  await pipeline.stop();
  console.log('stopped.');
  process.exit(0);
};
process.on('SIGINT', () => void shutdown('SIGINT'));
process.on('SIGTERM', () => void shutdown('SIGTERM'));
