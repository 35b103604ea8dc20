import type { IncomingMessage, ServerResponse } from 'node:http';
import { parseFaultChanges } from './console/fault-changes.js';
import { CONSOLE_CSP, CONSOLE_ICON, CONSOLE_PAGE } from './console/page.js';
import { BodyTooLargeError, readBody } from './http-util.js';
import type { LocalPipeline } from './pipeline.js';

/**
 * The runtime's own endpoints under `/_local/`, for people and tests to see inside the pipeline:
 * the console page, the outbox, queue depths and the DLQ, recent requests, faults, and a DLQ redrive.
 */
export function createLocalRoutes(pipeline: LocalPipeline) {
  return async (request: IncomingMessage, response: ServerResponse): Promise<boolean> => {
    const url = new URL(request.url ?? '/', 'http://localhost');
    const path = url.pathname.replace(/\/+$/, '');
    const route = `${request.method} ${path}`;
    switch (route) {
      case 'GET /_local':
        return sendPage(response, CONSOLE_PAGE);
      case 'GET /_local/favicon.svg':
        return sendPage(response, CONSOLE_ICON, 'image/svg+xml');
      case 'GET /_local/outbox':
        return sendJson(response, 200, newest(pipeline.outbox.list(), url.searchParams.get('limit')));
      case 'GET /_local/requests':
        return sendJson(response, 200, pipeline.recentRequests());
      case 'GET /_local/queues':
        return sendJson(response, 200, await pipeline.queueDepths());
      case 'GET /_local/dlq':
        return sendJson(response, 200, await pipeline.peekDlq());
      case 'GET /_local/faults':
        return sendJson(response, 200, pipeline.faults.options);
      case 'POST /_local/faults':
        return updateFaults(pipeline, request, response);
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

/** The last `limit` items (all when `limit` is absent or not a positive integer), oldest first. */
function newest<T>(items: readonly T[], limit: string | null): readonly T[] {
  const count = Number(limit);
  return limit !== null && Number.isInteger(count) && count > 0 ? items.slice(-count) : items;
}

async function updateFaults(
  pipeline: LocalPipeline,
  request: IncomingMessage,
  response: ServerResponse,
): Promise<true> {
  let body: unknown;
  try {
    body = JSON.parse(await readBody(request, 10 * 1024));
  } catch (error) {
    const message = error instanceof BodyTooLargeError ? 'the body is too large' : 'the body is not JSON';
    return sendJson(response, 400, { errors: [message] });
  }
  const changes = parseFaultChanges(body);
  if (!changes.ok) return sendJson(response, 400, { errors: changes.errors });
  pipeline.faults.update(changes.value);
  return sendJson(response, 200, pipeline.faults.options);
}

function sendPage(response: ServerResponse, text: string, type = 'text/html; charset=utf-8'): true {
  response.writeHead(200, {
    'content-type': type,
    'content-security-policy': CONSOLE_CSP,
    'x-content-type-options': 'nosniff',
    'referrer-policy': 'no-referrer',
    'cache-control': 'no-store',
    'content-length': Buffer.byteLength(text),
  });
  response.end(text);
  return true;
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
