import type {
  APIGatewayProxyEvent,
  APIGatewayProxyEventV2,
  APIGatewayProxyResult,
  Context,
} from 'aws-lambda';

/** What the handler needs of an API Gateway request, whether it came as a REST (v1) or HTTP API (v2) event. */
export interface HttpRequest {
  readonly method: string;
  /** Header names lower-cased; the last value wins when a header repeats. */
  readonly headers: Readonly<Record<string, string>>;
  readonly body: string | null;
  readonly isBase64Encoded: boolean;
  /** API Gateway's request id (the correlation id of the signup), else the Lambda request id. */
  readonly requestId: string;
}

export type ReadResult =
  | { readonly kind: 'http'; readonly request: HttpRequest }
  | { readonly kind: 'not-http'; readonly diagnosis: string };

/** Reads an API Gateway proxy event of either payload version, or explains why it is not one. */
export function readHttpRequest(
  event: unknown,
  context: Pick<Context, 'awsRequestId'> | undefined,
): ReadResult {
  if (typeof event !== 'object' || event === null || Array.isArray(event)) {
    return {
      kind: 'not-http',
      diagnosis: notProxyDiagnosis(typeof event === 'object' ? 'null or an array' : typeof event),
    };
  }
  const candidate = event as Partial<APIGatewayProxyEvent> & Partial<APIGatewayProxyEventV2>;
  const fallbackId = context?.awsRequestId ?? 'unknown';
  if (typeof candidate.httpMethod === 'string') {
    return {
      kind: 'http',
      request: {
        method: candidate.httpMethod.toUpperCase(),
        headers: lowerCaseHeaders(candidate.headers),
        body: typeof candidate.body === 'string' ? candidate.body : null,
        isBase64Encoded: candidate.isBase64Encoded === true,
        requestId: requestIdOr(candidate.requestContext?.requestId, fallbackId),
      },
    };
  }
  const v2Method = (candidate.requestContext as APIGatewayProxyEventV2['requestContext'] | undefined)?.http
    ?.method;
  if (typeof v2Method === 'string') {
    return {
      kind: 'http',
      request: {
        method: v2Method.toUpperCase(),
        headers: lowerCaseHeaders(candidate.headers),
        body: typeof candidate.body === 'string' ? candidate.body : null,
        isBase64Encoded: candidate.isBase64Encoded === true,
        requestId: requestIdOr(candidate.requestContext?.requestId, fallbackId),
      },
    };
  }
  const keys = Object.keys(candidate);
  const looksLikeBareBody = keys.includes('name') || keys.includes('email');
  return {
    kind: 'not-http',
    diagnosis: notProxyDiagnosis(
      looksLikeBareBody ? 'a bare signup body' : `keys ${keys.slice(0, 5).join(', ') || '(none)'}`,
    ),
  };
}

function notProxyDiagnosis(got: string): string {
  return (
    `signup-handler expects an API Gateway Lambda proxy event (REST API v1 or HTTP API v2) but got ${got}. ` +
    'Check that the API integration type is AWS_PROXY; from the Lambda console, test with the "apigateway-aws-proxy" template and put the JSON in its "body" string.'
  );
}

function lowerCaseHeaders(
  headers: Record<string, string | undefined> | null | undefined,
): Record<string, string> {
  const result: Record<string, string> = {};
  if (typeof headers !== 'object' || headers === null) return result;
  for (const [name, value] of Object.entries(headers)) {
    if (typeof value === 'string') result[name.toLowerCase()] = value;
  }
  return result;
}

/** What the queue message accepts as a request id (the signup-message schema): 1 to 128 characters, no control characters. */
const USABLE_REQUEST_ID = /^[^\p{Cc}\p{Zl}\p{Zp}]{1,128}$/u;

/** The event's request id when the queue message can carry it; otherwise a 200 would queue a message process-user rejects. */
function requestIdOr(value: unknown, fallback: string): string {
  return typeof value === 'string' && USABLE_REQUEST_ID.test(value) ? value : fallback;
}

/** Builds a JSON proxy response; every response carries the same base headers (CORS included). */
export function jsonResponse(
  statusCode: number,
  body: unknown,
  headers: Readonly<Record<string, string>>,
): APIGatewayProxyResult {
  return {
    statusCode,
    headers: {
      'Content-Type': 'application/json; charset=utf-8',
      'Cache-Control': 'no-store',
      'X-Content-Type-Options': 'nosniff',
      ...headers,
    },
    body: JSON.stringify(body),
  };
}
