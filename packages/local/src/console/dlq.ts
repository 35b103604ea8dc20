import { type Message, ReceiveMessageCommand, type SQSClient } from '@aws-sdk/client-sqs';

/** A dead-lettered message as the local console shows it. */
export interface DeadLetter {
  readonly messageId: string;
  /** ISO 8601 SentTimestamp (locally the time it reached the DLQ; AWS keeps the original send time). */
  readonly sentAt: string | undefined;
  /** From the message attribute, or the body when the attribute is missing. */
  readonly requestId: string | undefined;
  readonly name: string | undefined;
  readonly email: string | undefined;
  /** The raw body, for messages that are not a signup (invalid JSON, a test's poison message). */
  readonly body: string;
}

/**
 * Looks at up to 10 messages of a queue without taking them: each receive uses a visibility timeout of 0,
 * so the messages stay visible to a redrive. Only for the DLQ: on the signup queue a receive counts
 * towards maxReceiveCount.
 *
 * @example
 * const messages = await peekQueue(sqsClient, dlqUrl);
 */
export async function peekQueue(sqs: SQSClient, queueUrl: string): Promise<DeadLetter[]> {
  const { Messages = [] } = await sqs.send(
    new ReceiveMessageCommand({
      QueueUrl: queueUrl,
      MaxNumberOfMessages: 10,
      VisibilityTimeout: 0,
      WaitTimeSeconds: 0,
      // local-aws-sqs reads only the older AttributeNames, where the SDK types accept 'All'.
      AttributeNames: ['All'],
      MessageAttributeNames: ['requestId'],
    }),
  );
  // A message visible again at once can come back twice in one receive.
  const unique = new Map(Messages.map((message) => [message.MessageId ?? '', message]));
  return [...unique.values()].map(toDeadLetter);
}

function toDeadLetter(message: Message): DeadLetter {
  const body = message.Body ?? '';
  const fields = parseObject(body);
  const sent = Number(message.Attributes?.SentTimestamp);
  return {
    messageId: message.MessageId ?? '',
    sentAt: Number.isFinite(sent) && sent > 0 ? new Date(sent).toISOString() : undefined,
    requestId: message.MessageAttributes?.requestId?.StringValue ?? stringField(fields, 'requestId'),
    name: stringField(fields, 'name'),
    email: stringField(fields, 'email'),
    body,
  };
}

function parseObject(body: string): Record<string, unknown> {
  try {
    const value: unknown = JSON.parse(body);
    return typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}

function stringField(fields: Record<string, unknown>, key: string): string | undefined {
  const value = fields[key];
  return typeof value === 'string' ? value : undefined;
}
