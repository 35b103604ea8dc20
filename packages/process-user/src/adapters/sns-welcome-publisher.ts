import { PublishCommand, type SNSClient } from '@aws-sdk/client-sns';
import type { WelcomePublisher } from '../ports.js';
import type { WelcomeEmail } from '../welcome-email.js';

/** WelcomePublisher backed by an SNS topic whose email subscribers receive the message. */
export class SnsWelcomePublisher implements WelcomePublisher {
  constructor(
    private readonly sns: SNSClient,
    private readonly topicArn: string,
  ) {}

  async publish(email: WelcomeEmail): Promise<void> {
    const response = await this.sns.send(
      new PublishCommand({
        TopicArn: this.topicArn,
        Subject: email.subject,
        Message: email.message,
        ...(email.requestId
          ? { MessageAttributes: { requestId: { DataType: 'String', StringValue: email.requestId } } }
          : {}),
      }),
    );
    if (!response.MessageId) throw new Error('SNS answered Publish without a MessageId');
  }
}
