import type { IncomingMessage, ServerResponse } from 'node:http';
import type { LocalPipeline } from './pipeline.js';

/**
 * The runtime's own endpoints under `/_local/`, for people and tests to see inside the pipeline:
 * the outbox, queue depths, recent requests, and a DLQ redrive.
 */
export function createLocalRoutes(pipeline: LocalPipeline) {
  return async (request: IncomingMessage, response: ServerResponse): Promise<boolean> => {
    const path = new URL(request.url ?? '/', 'http://localhost').pathname.replace(/\/+$/, '');
    const route = `${request.method} ${path}`;
    switch (route) {
      case 'GET /_local/outbox':
        return sendJson(response, 200, pipeline.outbox.list());
      case 'GET /_local/requests':
        return sendJson(response, 200, pipeline.recentRequests());
      case 'GET /_local/queues':
        return sendJson(response, 200, await pipeline.queueDepths());
      case 'GET /_local/health':
        return sendJson(response, 200, { status: 'ok' });
      case 'POST /_local/dlq/redrive':
        request.resume();
        return sendJson(response, 202, await pipeline.redriveDlq());
      default:
        return false;
    }
  };
}

function sendJson(response: ServerResponse, status: number, body: unknown): true {
  const text = JSON.stringify(body);
  response.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'cache-control': 'no-store',
    'content-length': Buffer.byteLength(text),
  });
  response.end(text);
  return true;
}
