import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { CreateTableCommand, DynamoDBClient } from '@aws-sdk/client-dynamodb';
import dynalite from 'dynalite';
import { LOCAL_REGION } from './defaults.js';
import { closeServer } from './http-util.js';

export const IDEMPOTENCY_TABLE = 'signup-idempotency';

export interface LocalDynamoDb {
  readonly endpoint: string;
  readonly tableName: string;
  close(): Promise<void>;
}

/**
 * DynamoDB on its wire protocol (dynalite, in memory) with the idempotency table as infra/ creates
 * it: on-demand, hash key `id`. The functions reach it through `AWS_ENDPOINT_URL_DYNAMODB`.
 */
export async function startLocalDynamoDb({ host }: { host: string }): Promise<LocalDynamoDb> {
  const server: Server = dynalite({ createTableMs: 0, deleteTableMs: 0, updateTableMs: 0 });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, host, resolve);
  });
  const endpoint = `http://${host}:${(server.address() as AddressInfo).port}`;
  const client = new DynamoDBClient({
    region: LOCAL_REGION,
    endpoint,
    credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
  });
  try {
    await client.send(
      new CreateTableCommand({
        TableName: IDEMPOTENCY_TABLE,
        BillingMode: 'PAY_PER_REQUEST',
        AttributeDefinitions: [{ AttributeName: 'id', AttributeType: 'S' }],
        KeySchema: [{ AttributeName: 'id', KeyType: 'HASH' }],
      }),
    );
  } finally {
    client.destroy();
  }
  return { endpoint, tableName: IDEMPOTENCY_TABLE, close: () => closeServer(server) };
}
