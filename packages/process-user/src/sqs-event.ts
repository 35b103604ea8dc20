import type { SQSRecord } from 'aws-lambda';

/** The fields of an SQS record the function reads; the customer's minimal test event has only `body`. */
export type IncomingRecord = Pick<SQSRecord, 'body'> & Partial<Pick<SQSRecord, 'messageId' | 'attributes'>>;

export type ReadRecordsResult =
  | { readonly kind: 'sqs'; readonly records: readonly IncomingRecord[] }
  | { readonly kind: 'not-sqs'; readonly diagnosis: string };

/** Reads the records of an SQS event, or explains what the function was invoked with instead. */
export function readSqsRecords(event: unknown): ReadRecordsResult {
  const records = (event as { Records?: unknown } | null | undefined)?.Records;
  if (!Array.isArray(records)) {
    const got = describeEvent(event);
    return {
      kind: 'not-sqs',
      diagnosis:
        `process-user expects an SQS event ({"Records":[{"messageId","body",...}]}) but got ${got}. ` +
        'It must be invoked by the event source mapping of the signup queue; to test it by hand, wrap the message in Records[].body.',
    };
  }
  const notRecord = records.findIndex(
    (record) => typeof record !== 'object' || record === null || typeof record.body !== 'string',
  );
  if (notRecord >= 0) {
    return {
      kind: 'not-sqs',
      diagnosis: `process-user expects every SQS record to have a string "body", but Records[${notRecord}] has none.`,
    };
  }
  return { kind: 'sqs', records: records as IncomingRecord[] };
}

function describeEvent(event: unknown): string {
  if (event === null || typeof event !== 'object') return String(event === null ? 'null' : typeof event);
  const keys = Object.keys(event);
  if (keys.includes('httpMethod') || keys.includes('requestContext')) return 'an API Gateway event';
  if (keys.includes('name') || keys.includes('email')) return 'a bare signup body';
  return `an object with keys ${keys.slice(0, 5).join(', ') || '(none)'}`;
}
