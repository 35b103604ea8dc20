import { maskEmail } from '@signup/schema';
import type { APIGatewayProxyResult, Context } from 'aws-lambda';
import { corsHeaders } from './cors.js';
import { type HttpRequest, jsonResponse, readHttpRequest } from './http.js';
import { type Log, NO_METRICS, type RejectionReason, type SignupMetrics, type SignupQueue } from './ports.js';
import { type SignupOutcome, signUp } from './signup.js';

/** Bodies above this are refused with 413: a signup is two short strings. */
export const MAX_BODY_BYTES = 10 * 1024;

export const ACCEPTED_MESSAGE = 'Signup received and queued';

export interface HandlerDeps {
  readonly queue: SignupQueue;
  readonly log: Log;
  readonly allowedOrigin: string;
  readonly metrics?: SignupMetrics;
  readonly now?: () => Date;
}

export type SignupHandler = (event: unknown, context?: Context) => Promise<APIGatewayProxyResult>;

/**
 * Maps API Gateway proxy events to `signUp` and its outcome back to HTTP. Client mistakes are 4xx
 * with a JSON explanation; only a failing queue is a 5xx, and then nothing claims the signup was queued.
 *
 * @example
 * export const handler = createHandler({ queue, log: logger, allowedOrigin: config.allowedOrigin });
 */
export function createHandler({
  queue,
  log,
  allowedOrigin,
  metrics = NO_METRICS,
  now = () => new Date(),
}: HandlerDeps): SignupHandler {
  const handle: SignupHandler = async (event, context) => {
    const read = readHttpRequest(event, context);
    if (read.kind === 'not-http') {
      log.error('Event is not an API Gateway proxy event', { diagnosis: read.diagnosis });
      return jsonResponse(400, { message: read.diagnosis }, corsHeaders(allowedOrigin, undefined));
    }
    const { request } = read;
    const { requestId } = request;
    const cors = corsHeaders(allowedOrigin, request.headers.origin);
    const respond = (statusCode: number, body: Record<string, unknown>, extra: Record<string, string> = {}) =>
      jsonResponse(statusCode, { ...body, requestId }, { ...cors, ...extra });

    if (request.method === 'OPTIONS') {
      return { statusCode: 204, headers: { ...cors, 'Access-Control-Max-Age': '600' }, body: '' };
    }
    if (request.method !== 'POST') {
      return respond(
        405,
        { message: `Method ${request.method} is not allowed; use POST` },
        { Allow: 'OPTIONS, POST' },
      );
    }

    const body = readJsonBody(request);
    if (body.kind === 'error') {
      log.warn('Signup rejected', { requestId, status: body.statusCode, reason: body.reason });
      metrics.rejected(body.reason);
      return respond(body.statusCode, body.response);
    }

    // Only the queue's own failure is a 503: once the message is queued, nothing may claim it was not.
    let outcome: SignupOutcome;
    try {
      outcome = await signUp(body.value, { requestId }, { queue, now });
    } catch (error) {
      log.error('Signup could not be queued', { requestId, error });
      metrics.queueSendFailed();
      return respond(
        503,
        { message: 'The signup could not be queued. Please try again.' },
        {
          'Retry-After': '1',
        },
      );
    }
    if (outcome.kind === 'rejected') {
      log.warn('Signup rejected', {
        requestId,
        status: 400,
        reason: 'invalid',
        fields: outcome.errors.map((error) => error.field),
      });
      metrics.rejected('invalid');
      return respond(400, { message: 'The signup request is invalid', errors: outcome.errors });
    }
    log.info('Signup queued', { requestId, email: maskedEmailOf(body.value) });
    metrics.accepted();
    return respond(200, { message: ACCEPTED_MESSAGE });
  };
  return async (event, context) => {
    try {
      return await handle(event, context);
    } finally {
      metrics.flush();
    }
  };
}

type JsonBody =
  | { readonly kind: 'json'; readonly value: unknown }
  | {
      readonly kind: 'error';
      readonly statusCode: 400 | 413 | 415;
      readonly reason: RejectionReason;
      readonly response: { message: string; errors?: { field: string; message: string }[] };
    };

const utf8 = new TextDecoder('utf-8', { fatal: true });

function readJsonBody(request: HttpRequest): JsonBody {
  const contentType = request.headers['content-type'];
  if (contentType !== undefined && !/^application\/([\w.+-]+\+)?json\s*(;|$)/i.test(contentType.trim())) {
    return {
      kind: 'error',
      statusCode: 415,
      reason: 'unsupported-media-type',
      response: { message: 'Content-Type must be application/json' },
    };
  }
  if (request.body === null || request.body.length === 0) {
    return bodyError(400, 'missing-body', 'A JSON body with name and email is required');
  }
  const decoded = request.isBase64Encoded ? decodeBase64Body(request.body) : readTextBody(request.body);
  if (decoded.bytes > MAX_BODY_BYTES) {
    return {
      kind: 'error',
      statusCode: 413,
      reason: 'too-large',
      response: { message: `The request body must be at most ${MAX_BODY_BYTES} bytes` },
    };
  }
  const text = decoded.text;
  if (text === undefined) return bodyError(400, 'not-utf8', 'The request body must be UTF-8 encoded JSON');
  try {
    const value: unknown = JSON.parse(text);
    if (value === null) return bodyError(400, 'missing-body', 'A JSON body with name and email is required');
    return { kind: 'json', value };
  } catch {
    return bodyError(400, 'invalid-json', 'The request body is not valid JSON');
  }
}

/** A base64 body (binary media or an HTTP API event) is decoded, and must be UTF-8. */
function decodeBase64Body(body: string): { bytes: number; text: string | undefined } {
  const bytes = Buffer.from(body, 'base64');
  try {
    return { bytes: bytes.length, text: utf8.decode(bytes) };
  } catch {
    return { bytes: bytes.length, text: undefined };
  }
}

/**
 * A text body is already a string: only its UTF-8 size is needed, no encode-decode round trip.
 * Lone surrogates become U+FFFD, as that round trip made them.
 */
function readTextBody(body: string): { bytes: number; text: string } {
  return {
    bytes: Buffer.byteLength(body, 'utf8'),
    text: (body as string & { toWellFormed(): string }).toWellFormed(),
  };
}

function bodyError(statusCode: 400, reason: RejectionReason, message: string): JsonBody {
  return { kind: 'error', statusCode, reason, response: { message, errors: [{ field: 'body', message }] } };
}

function maskedEmailOf(value: unknown): string | undefined {
  const email = (value as { email?: unknown }).email;
  return typeof email === 'string' ? maskEmail(email.trim()) : undefined;
}
