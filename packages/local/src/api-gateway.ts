import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { BodyTooLargeError, closeServer, readBodyBytes } from './http-util.js';
import type { LambdaFunction } from './lambda-host.js';
import { fromProxyResult, type HttpReply, toProxyEvent } from './proxy-event.js';

/** API Gateway's payload limit for REST APIs. */
const MAX_PAYLOAD_BYTES = 10 * 1024 * 1024;
/** API Gateway's maximum integration timeout for REST APIs. */
const INTEGRATION_TIMEOUT_MS = 29_000;

export interface Route {
  readonly path: string;
  readonly methods: readonly string[];
  readonly function: LambdaFunction;
}

export interface RequestRecord {
  readonly time: string;
  readonly method: string;
  readonly path: string;
  readonly status: number;
  readonly latencyMs: number;
  readonly requestId: string;
}

export interface ApiGatewayOptions {
  readonly host: string;
  readonly port: number;
  readonly routes: readonly Route[];
  /** Serves the runtime's own `/_local/...` endpoints; returns false when it has no such route. */
  readonly localRoutes: (request: IncomingMessage, response: ServerResponse) => Promise<boolean>;
  readonly onRequest?: (record: RequestRecord) => void;
}

export interface ApiGateway {
  readonly url: string;
  close(): Promise<void>;
}

/** REST API emulation: proxy routes to Lambda functions and API Gateway's own answers for the rest. */
export async function startApiGateway(options: ApiGatewayOptions): Promise<ApiGateway> {
  const handle = async (request: IncomingMessage, response: ServerResponse) => {
    const started = performance.now();
    const path = new URL(request.url ?? '/', 'http://localhost').pathname;
    if (path.startsWith('/_local/') || path === '/_local') {
      if (await options.localRoutes(request, response)) return;
    }
    const route = options.routes.find(
      (candidate) => candidate.path === path.replace(/\/+$/, '') || candidate.path === path,
    );
    const method = request.method ?? 'GET';
    let reply: HttpReply;
    let requestId: string = randomUUID();
    if (!route?.methods.includes(method)) {
      request.resume();
      reply = gatewayError(403, 'Missing Authentication Token', 'MissingAuthenticationTokenException');
    } else {
      try {
        const body = await readBodyBytes(request, MAX_PAYLOAD_BYTES);
        const event = toProxyEvent(request, body, { resource: route.path });
        requestId = event.requestContext.requestId;
        reply = await invokeIntegration(route.function, event);
      } catch (error) {
        if (!(error instanceof BodyTooLargeError)) throw error;
        reply = gatewayError(413, 'Request Too Long', 'RequestTooLongException');
      }
    }
    response.writeHead(reply.status, {
      ...reply.headers,
      'x-amzn-RequestId': requestId,
      'content-length': reply.body.length,
    });
    response.end(reply.body);
    options.onRequest?.({
      time: new Date().toISOString(),
      method,
      path,
      status: reply.status,
      latencyMs: Math.round((performance.now() - started) * 10) / 10,
      requestId,
    });
  };

  const server: Server = createServer((request, response) => {
    handle(request, response).catch((error: unknown) => {
      if (!response.headersSent) {
        const reply = gatewayError(500, 'Internal server error', 'InternalServerErrorException');
        response.writeHead(reply.status, reply.headers).end(reply.body);
      }
      console.error('local API Gateway failed:', error);
    });
  });
  server.keepAliveTimeout = 60_000;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host, resolve);
  });
  const { port } = server.address() as AddressInfo;
  return { url: `http://${options.host}:${port}`, close: () => closeServer(server) };
}

async function invokeIntegration(fn: LambdaFunction, event: unknown): Promise<HttpReply> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<'timeout'>((resolve) => {
    timer = setTimeout(() => resolve('timeout'), INTEGRATION_TIMEOUT_MS);
  });
  const result = await Promise.race([fn.invoke(event), timeout]);
  clearTimeout(timer);
  if (result === 'timeout') return gatewayError(504, 'Endpoint request timed out', 'IntegrationTimeout');
  if (!result.ok) return gatewayError(502, 'Internal server error', 'InternalServerErrorException');
  return (
    fromProxyResult(result.value) ??
    gatewayError(502, 'Internal server error', 'InternalServerErrorException')
  );
}

function gatewayError(status: number, message: string, errorType: string): HttpReply {
  return {
    status,
    headers: { 'content-type': 'application/json', 'x-amzn-ErrorType': errorType },
    body: Buffer.from(JSON.stringify({ message })),
  };
}
