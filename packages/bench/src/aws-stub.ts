import { createHash, randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface AwsStub {
  /** `http://127.0.0.1:<port>`: the SQS and SNS endpoint of the cold-start children. */
  readonly endpoint: string;
  readonly queueUrl: string;
  readonly topicArn: string;
  readonly tableName: string;
  readonly counts: { sendMessage: number; publish: number; dynamoDb: number; other: number };
  close(): Promise<void>;
}

/**
 * The smallest endpoint that answers what the handlers' first event needs from AWS: SQS SendMessage
 * (JSON protocol, with the body MD5 the SDK checks), SNS Publish (query protocol, XML reply) and the
 * DynamoDB writes of process-user's idempotency records (JSON protocol, empty success).
 * Nothing is stored; it only lets each cold-start child make its real first SDK call on loopback.
 */
export async function startAwsStub(): Promise<AwsStub> {
  const counts = { sendMessage: 0, publish: 0, dynamoDb: 0, other: 0 };
  const server = createServer((request, response) => {
    readBody(request)
      .then((body) => answer(request, response, body))
      .catch(() => response.writeHead(500).end());
  });
  const answer = (request: IncomingMessage, response: ServerResponse, body: string) => {
    const target = request.headers['x-amz-target'];
    if (target === 'AmazonSQS.SendMessage') {
      counts.sendMessage++;
      const input = JSON.parse(body) as { MessageBody?: string };
      const reply = JSON.stringify({
        MessageId: randomUUID(),
        MD5OfMessageBody: createHash('md5')
          .update(input.MessageBody ?? '')
          .digest('hex'),
      });
      response.writeHead(200, { 'content-type': 'application/x-amz-json-1.0' }).end(reply);
      return;
    }
    if (typeof target === 'string' && target.startsWith('DynamoDB_20120810.')) {
      // The idempotency record's conditional PutItem and its UpdateItem: an empty success.
      counts.dynamoDb++;
      response.writeHead(200, { 'content-type': 'application/x-amz-json-1.0' }).end('{}');
      return;
    }
    if (new URLSearchParams(body).get('Action') === 'Publish') {
      counts.publish++;
      const reply = `<PublishResponse xmlns="http://sns.amazonaws.com/doc/2010-03-31/"><PublishResult><MessageId>${randomUUID()}</MessageId></PublishResult><ResponseMetadata><RequestId>${randomUUID()}</RequestId></ResponseMetadata></PublishResponse>`;
      response.writeHead(200, { 'content-type': 'text/xml' }).end(reply);
      return;
    }
    counts.other++;
    response.writeHead(400, { 'content-type': 'application/json' }).end('{"message":"not stubbed"}');
  };
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const endpoint = `http://127.0.0.1:${port}`;
  return {
    endpoint,
    queueUrl: `${endpoint}/000000000000/signup-queue`,
    topicArn: 'arn:aws:sns:us-east-1:000000000000:welcome',
    tableName: 'signup-idempotency',
    counts,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

async function readBody(request: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}
