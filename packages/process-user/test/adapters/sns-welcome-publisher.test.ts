import { PublishCommand, SNSClient, SNSServiceException } from '@aws-sdk/client-sns';
import { mockClient } from 'aws-sdk-client-mock';
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { SnsWelcomePublisher } from '../../src/adapters/sns-welcome-publisher.js';

const TOPIC_ARN = 'arn:aws:sns:us-east-1:123456789012:signup-pipeline-welcome';

const snsMock = mockClient(SNSClient);

function newPublisher(): SnsWelcomePublisher {
  const sns = new SNSClient({
    region: 'us-east-1',
    credentials: { accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 'not-a-secret' },
  });
  return new SnsWelcomePublisher(sns, TOPIC_ARN);
}

describe('SnsWelcomePublisher', () => {
  beforeEach(() => {
    snsMock.reset();
  });

  afterAll(() => {
    snsMock.restore();
  });

  it('publishes the subject and message to the topic with the request id as a message attribute', async () => {
    // Prepare
    snsMock.on(PublishCommand).resolves({ MessageId: '95df01b4-ee98-5cb9-9903-4c221d41eb5e' });

    // Act
    await newPublisher().publish({
      subject: 'Welcome to Our Platform',
      message: 'Hello Siddu, welcome to our platform!',
      requestId: 'c6af9ac6-7b61-11e6-9a41-93e8deadbeef',
    });

    // Assess
    const calls = snsMock.commandCalls(PublishCommand);
    expect(calls).toHaveLength(1);
    expect(calls[0]?.args[0].input).toEqual({
      TopicArn: TOPIC_ARN,
      Subject: 'Welcome to Our Platform',
      Message: 'Hello Siddu, welcome to our platform!',
      MessageAttributes: {
        requestId: { DataType: 'String', StringValue: 'c6af9ac6-7b61-11e6-9a41-93e8deadbeef' },
      },
    });
  });

  it('publishes no message attributes when there is no request id', async () => {
    // Prepare
    snsMock.on(PublishCommand).resolves({ MessageId: '95df01b4-ee98-5cb9-9903-4c221d41eb5e' });

    // Act
    await newPublisher().publish({
      subject: 'Welcome to Our Platform',
      message: 'Hello Siddu, welcome to our platform!',
      requestId: undefined,
    });

    // Assess
    const input = snsMock.commandCalls(PublishCommand)[0]?.args[0].input;
    expect(input).toMatchObject({ TopicArn: TOPIC_ARN, Message: 'Hello Siddu, welcome to our platform!' });
    expect(input).not.toHaveProperty('MessageAttributes');
  });

  it('throws when SNS rejects the publish', async () => {
    // Prepare
    snsMock.on(PublishCommand).rejects(
      new SNSServiceException({
        name: 'AuthorizationErrorException',
        $fault: 'client',
        $metadata: { httpStatusCode: 403 },
        message: 'User is not authorized to perform: SNS:Publish',
      }),
    );

    // Act
    const attempt = newPublisher().publish({
      subject: 'Welcome to Our Platform',
      message: 'Hello Siddu, welcome to our platform!',
      requestId: undefined,
    });

    // Assess
    await expect(attempt).rejects.toThrow('User is not authorized to perform: SNS:Publish');
  });

  it('throws when SNS answers without a MessageId', async () => {
    // Prepare
    snsMock.on(PublishCommand).resolves({});

    // Act
    const attempt = newPublisher().publish({
      subject: 'Welcome to Our Platform',
      message: 'Hello Siddu, welcome to our platform!',
      requestId: 'req-1',
    });

    // Assess
    await expect(attempt).rejects.toThrow(/without a MessageId/);
  });
});
