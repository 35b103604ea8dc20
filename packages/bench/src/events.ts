import { randomUUID } from 'node:crypto';

/**
 * The body a person posts; `key` makes each one distinct. It must be unique per run of a pipeline:
 * process-user sends one welcome email per address (idempotency), so a repeated address gets no email.
 */
export function signupBody(key: number | string): string {
  return JSON.stringify({ name: `Ada Lovelace ${key}`, email: `ada.${key}@example.com` });
}

/** An API Gateway REST (v1) proxy event for `POST /signup`, as API Gateway sends it. */
export function apiGatewayEvent(body: string, requestId: string = randomUUID()): Record<string, unknown> {
  const headers: Record<string, string> = {
    Accept: 'application/json',
    'Content-Type': 'application/json',
    Host: '1234567890.execute-api.us-east-1.amazonaws.com',
    Origin: 'https://app.example.com',
    'User-Agent': 'signup-bench',
    'X-Amzn-Trace-Id': 'Root=1-5e66d96f-7491f09xmpl79d18acf3d050',
    'X-Forwarded-For': '127.0.0.1',
    'X-Forwarded-Port': '443',
    'X-Forwarded-Proto': 'https',
  };
  return {
    body,
    resource: '/signup',
    path: '/signup',
    httpMethod: 'POST',
    isBase64Encoded: false,
    queryStringParameters: null,
    multiValueQueryStringParameters: null,
    pathParameters: null,
    stageVariables: null,
    headers,
    multiValueHeaders: Object.fromEntries(Object.entries(headers).map(([name, value]) => [name, [value]])),
    requestContext: {
      accountId: '123456789012',
      resourceId: '123456',
      stage: 'prod',
      requestId,
      requestTimeEpoch: Date.now(),
      identity: { sourceIp: '127.0.0.1', userAgent: 'signup-bench' },
      domainName: '1234567890.execute-api.us-east-1.amazonaws.com',
      path: '/prod/signup',
      resourcePath: '/signup',
      httpMethod: 'POST',
      apiId: '1234567890',
      protocol: 'HTTP/1.1',
    },
  };
}

/** An SQS event of `size` valid version-1 signup messages, as the event source mapping builds it. */
export function sqsEvent(size: number, offset = 0): { Records: Record<string, unknown>[] } {
  return {
    Records: Array.from({ length: size }, (_, i) => {
      const index = offset + i;
      const requestId = randomUUID();
      return {
        messageId: randomUUID(),
        receiptHandle: `bench-receipt-${index}`,
        body: JSON.stringify({
          version: 1,
          requestId,
          name: `Ada Lovelace ${index}`,
          email: `ada.${index}@example.com`,
          submittedAt: new Date().toISOString(),
        }),
        attributes: {
          ApproximateReceiveCount: '1',
          SentTimestamp: String(Date.now()),
          SenderId: 'AIDABENCH',
          ApproximateFirstReceiveTimestamp: String(Date.now()),
        },
        messageAttributes: {
          requestId: {
            stringValue: requestId,
            stringListValues: [],
            binaryListValues: [],
            dataType: 'String',
          },
        },
        md5OfBody: '',
        eventSource: 'aws:sqs',
        eventSourceARN: 'arn:aws:sqs:us-east-1:123456789012:signup-signups',
        awsRegion: 'us-east-1',
      };
    }),
  };
}

/** A Lambda context with the fields the handlers read. */
export function lambdaContext(functionName: string, timeoutMs: number) {
  const deadline = Date.now() + timeoutMs;
  return {
    awsRequestId: randomUUID(),
    functionName,
    functionVersion: '$LATEST',
    invokedFunctionArn: `arn:aws:lambda:us-east-1:123456789012:function:${functionName}`,
    memoryLimitInMB: '256',
    logGroupName: `/aws/lambda/${functionName}`,
    logStreamName: 'bench',
    callbackWaitsForEmptyEventLoop: true,
    getRemainingTimeInMillis: () => Math.max(0, deadline - Date.now()),
  };
}
