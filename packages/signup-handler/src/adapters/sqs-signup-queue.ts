import { SendMessageCommand, type SQSClient } from '@aws-sdk/client-sqs';
import type { SignupMessageV1 } from '@signup/schema';
import type { SignupQueue } from '../ports.js';

/** SignupQueue backed by an SQS standard queue; the request id rides along as a message attribute. */
export class SqsSignupQueue implements SignupQueue {
  constructor(
    private readonly sqs: SQSClient,
    private readonly queueUrl: string,
  ) {}

  async enqueue(message: SignupMessageV1): Promise<void> {
    const response = await this.sqs.send(
      new SendMessageCommand({
        QueueUrl: this.queueUrl,
        MessageBody: JSON.stringify(message),
        MessageAttributes: {
          requestId: { DataType: 'String', StringValue: message.requestId },
        },
      }),
    );
    if (!response.MessageId) throw new Error('SQS answered SendMessage without a MessageId');
  }
}
