/**
 * The code of the worker thread that hosts one Lambda function: it imports the function's built
 * bundle (a cold start), then runs invocations with a Lambda-like context. Results go through JSON,
 * as Lambda serializes them. Kept as source text so the host works from src/ and from dist/ alike.
 */
export const LAMBDA_WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const { pathToFileURL } = require('node:url');

const serializeError = (error) => ({
  name: (error && error.name) || 'Error',
  message: (error && error.message) || String(error),
  stack: error && error.stack,
});

(async () => {
  let handler;
  const started = performance.now();
  try {
    const module = await import(pathToFileURL(workerData.bundlePath).href + '?generation=' + workerData.generation);
    handler = module.handler;
    if (typeof handler !== 'function') throw new Error('The bundle does not export a function named handler');
  } catch (error) {
    parentPort.postMessage({ type: 'init-error', error: serializeError(error) });
    return;
  }
  parentPort.on('message', async (message) => {
    if (message.type !== 'invoke') return;
    const context = {
      awsRequestId: message.awsRequestId,
      functionName: workerData.functionName,
      functionVersion: '$LATEST',
      invokedFunctionArn: workerData.functionArn,
      memoryLimitInMB: String(workerData.memoryMb),
      logGroupName: '/aws/lambda/' + workerData.functionName,
      logStreamName: 'local/' + workerData.generation,
      callbackWaitsForEmptyEventLoop: true,
      getRemainingTimeInMillis: () => Math.max(0, message.deadline - Date.now()),
    };
    try {
      const value = await handler(message.event, context);
      const json = value === undefined ? null : JSON.parse(JSON.stringify(value));
      parentPort.postMessage({ type: 'result', id: message.id, ok: true, value: json });
    } catch (error) {
      parentPort.postMessage({ type: 'result', id: message.id, ok: false, error: serializeError(error) });
    }
  });
  parentPort.postMessage({ type: 'ready', initMs: performance.now() - started });
})();
`;
