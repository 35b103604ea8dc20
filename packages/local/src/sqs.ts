import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createRequestHandler } from 'local-aws-sqs';
import { DLQ_NAME, LOCAL_ACCOUNT_ID, LOCAL_REGION, QUEUE_NAME } from './defaults.js';
import type { FaultInjector } from './faults.js';
import { closeServer } from './http-util.js';

export interface LocalSqsOptions {
  readonly host: string;
  readonly visibilityTimeoutSeconds: number;
  readonly maxReceiveCount: number;
  readonly faults: FaultInjector;
}

export interface LocalSqs {
  readonly endpoint: string;
  readonly queueUrl: string;
  readonly queueArn: string;
  readonly dlqUrl: string;
  readonly dlqArn: string;
  close(): Promise<void>;
}

/**
 * A real SQS wire endpoint (local-aws-sqs: the JSON protocol of the current SDK) with the signup
 * queue and its DLQ, wired by a redrive policy as in infra/. SendMessage can be made to fail on purpose.
 */
export async function startLocalSqs(options: LocalSqsOptions): Promise<LocalSqs> {
  const server: Server = createServer();
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, options.host, resolve);
  });
  const { port } = server.address() as AddressInfo;
  const arnOf = (name: string) => `arn:aws:sqs:${LOCAL_REGION}:${LOCAL_ACCOUNT_ID}:${name}`;
  const { requestHandler } = createRequestHandler({
    port,
    hostname: options.host,
    accountId: LOCAL_ACCOUNT_ID,
    region: LOCAL_REGION,
    emulateQueueCreationLifecycle: false,
    queues: [
      { QueueName: DLQ_NAME, Attributes: { MessageRetentionPeriod: 1_209_600 } },
      {
        QueueName: QUEUE_NAME,
        Attributes: {
          VisibilityTimeout: options.visibilityTimeoutSeconds,
          RedrivePolicy: JSON.stringify({
            deadLetterTargetArn: arnOf(DLQ_NAME),
            maxReceiveCount: options.maxReceiveCount,
          }),
        },
      },
    ],
  });
  server.on('request', (request, response) => {
    if (request.headers['x-amz-target'] === 'AmazonSQS.SendMessage' && options.faults.sqsSendShouldFail()) {
      response.writeHead(500, { 'content-type': 'application/x-amz-json-1.0' });
      response.end(JSON.stringify({ __type: 'com.amazonaws.sqs#InternalError', message: 'Injected fault' }));
      return;
    }
    void requestHandler(request, response);
  });
  const endpoint = `http://${options.host}:${port}`;
  return {
    endpoint,
    queueUrl: `${endpoint}/${LOCAL_ACCOUNT_ID}/${QUEUE_NAME}`,
    queueArn: arnOf(QUEUE_NAME),
    dlqUrl: `${endpoint}/${LOCAL_ACCOUNT_ID}/${DLQ_NAME}`,
    dlqArn: arnOf(DLQ_NAME),
    close: () => closeServer(server),
  };
}
