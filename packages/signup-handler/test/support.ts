import { readFileSync } from 'node:fs';
import type { SignupMessageV1 } from '@signup/schema';
import type {
  APIGatewayProxyEvent,
  APIGatewayProxyEventV2,
  APIGatewayProxyResult,
  Context,
} from 'aws-lambda';
import type { Log, RejectionReason, SignupMetrics, SignupQueue } from '../src/ports.js';

export type LogLevel = 'debug' | 'info' | 'warn' | 'error';

export interface LogRecord {
  readonly level: LogLevel;
  readonly message: unknown;
  readonly extra: readonly unknown[];
}

export type RecordingLog = Log & { readonly records: LogRecord[] };

/** A fake logger that keeps every call, in order. */
export function recordingLog(): RecordingLog {
  const records: LogRecord[] = [];
  const at =
    (level: LogLevel) =>
    (message: unknown, ...extra: unknown[]) => {
      records.push({ level, message, extra });
    };
  return { records, debug: at('debug'), info: at('info'), warn: at('warn'), error: at('error') };
}

/** Every log call as one string, errors included with their message and stack, for privacy checks. */
export function serializeLog(log: RecordingLog): string {
  return JSON.stringify(log.records, (_key, value: unknown) =>
    value instanceof Error ? { name: value.name, message: value.message, stack: value.stack } : value,
  );
}

export type FakeQueue = SignupQueue & { readonly sent: SignupMessageV1[] };

/** An in-memory queue that accepts every message. */
export function fakeQueue(): FakeQueue {
  const sent: SignupMessageV1[] = [];
  return {
    sent,
    enqueue: async (message) => {
      sent.push(message);
    },
  };
}

export type MetricCall = 'accepted' | `rejected:${RejectionReason}` | 'queueSendFailed' | 'flush';

export type RecordingMetrics = SignupMetrics & { readonly calls: MetricCall[] };

/** A fake SignupMetrics that keeps every call, in order (`rejected` with its reason). */
export function recordingMetrics(): RecordingMetrics {
  const calls: MetricCall[] = [];
  return {
    calls,
    accepted: () => {
      calls.push('accepted');
    },
    rejected: (reason) => {
      calls.push(`rejected:${reason}`);
    },
    queueSendFailed: () => {
      calls.push('queueSendFailed');
    },
    flush: () => {
      calls.push('flush');
    },
  };
}

/** A queue whose every enqueue fails with `error`. */
export function failingQueue(error: Error): SignupQueue {
  return {
    enqueue: async () => {
      throw error;
    },
  };
}

function readEvent(name: string): unknown {
  return JSON.parse(readFileSync(new URL(`./events/${name}`, import.meta.url), 'utf8'));
}

/** A fresh copy of the API Gateway REST (v1) proxy event for `POST /signup`. */
export function restPostEvent(): APIGatewayProxyEvent {
  return readEvent('apigateway-rest-post-signup.json') as APIGatewayProxyEvent;
}

/** A fresh copy of the API Gateway REST (v1) CORS preflight event. */
export function restOptionsEvent(): APIGatewayProxyEvent {
  return readEvent('apigateway-rest-options.json') as APIGatewayProxyEvent;
}

/** A fresh copy of the API Gateway HTTP API (v2) event for `POST /signup`. */
export function httpV2PostEvent(): APIGatewayProxyEventV2 {
  return readEvent('apigateway-http-v2-post-signup.json') as APIGatewayProxyEventV2;
}

/** The REST event with another body (and, optionally, Content-Type). */
export function restPostWithBody(
  body: string | null,
  contentType = 'application/json',
): APIGatewayProxyEvent {
  const event = restPostEvent();
  return { ...event, body, headers: { ...event.headers, 'Content-Type': contentType } };
}

export function lambdaContext(awsRequestId = 'f0e9d8c7-b6a5-4f43-8e21-0f1e2d3c4b5a'): Context {
  return {
    callbackWaitsForEmptyEventLoop: true,
    functionName: 'signup-pipeline-signup-handler',
    functionVersion: '$LATEST',
    invokedFunctionArn: 'arn:aws:lambda:us-east-1:123456789012:function:signup-pipeline-signup-handler',
    memoryLimitInMB: '256',
    awsRequestId,
    logGroupName: '/aws/lambda/signup-pipeline-signup-handler',
    logStreamName: '2026/12/03/[$LATEST]0123456789abcdef0123456789abcdef',
    getRemainingTimeInMillis: () => 4_500,
    done: () => undefined,
    fail: () => undefined,
    succeed: () => undefined,
  };
}

/** The JSON body of a proxy response. */
export function bodyOf(result: APIGatewayProxyResult): Record<string, unknown> {
  return JSON.parse(result.body) as Record<string, unknown>;
}
