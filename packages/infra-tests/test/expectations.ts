import { PROCESS_USER_ENV } from '../../process-user/src/config';
import { SIGNUP_HANDLER_ENV } from '../../signup-handler/src/config';
import { type ExpectedAlarm, type ExpectedPermissions, POWERTOOLS_ENV } from '../src/index';

/** The functions `make build` zips, by package name. */
export const FUNCTIONS = ['signup-handler', 'process-user'] as const;

/** Environment variable names per function module call: what each handler's config.ts reads, plus Powertools'. */
export const EXPECTED_ENVIRONMENT: Readonly<Record<string, readonly string[]>> = {
  signup_handler: [...Object.values(SIGNUP_HANDLER_ENV), ...POWERTOOLS_ENV],
  process_user: [...Object.values(PROCESS_USER_ENV), ...POWERTOOLS_ENV],
};

const QUEUE_KEYS = 'local.queue_kms_key_arns';
const TOPIC_KEYS = 'local.welcome_topic_kms_key_arns';

/** Least privilege, per function: every action it may have and what it may act on. */
export const EXPECTED_PERMISSIONS: Readonly<Record<string, ExpectedPermissions>> = {
  signup_handler: {
    'sqs:SendMessage': 'module.queue.queue_arn',
    'kms:GenerateDataKey': QUEUE_KEYS,
    'kms:Decrypt': QUEUE_KEYS,
  },
  process_user: {
    'sqs:ReceiveMessage': 'module.queue.queue_arn',
    'sqs:DeleteMessage': 'module.queue.queue_arn',
    'sqs:GetQueueAttributes': 'module.queue.queue_arn',
    'sqs:ChangeMessageVisibility': 'module.queue.queue_arn',
    'sns:Publish': 'module.welcome_topic.topic_arn',
    'kms:GenerateDataKey': TOPIC_KEYS,
    'kms:Decrypt': [QUEUE_KEYS, TOPIC_KEYS],
    'dynamodb:GetItem': 'module.idempotency[*].table_arn',
    'dynamodb:PutItem': 'module.idempotency[*].table_arn',
    'dynamodb:UpdateItem': 'module.idempotency[*].table_arn',
    'dynamodb:DeleteItem': 'module.idempotency[*].table_arn',
  },
};

/** The alarms issue 3 lists. */
export const EXPECTED_ALARMS: readonly ExpectedAlarm[] = [
  { namespace: 'AWS/SQS', metric: 'ApproximateNumberOfMessagesVisible' },
  { namespace: 'AWS/Lambda', metric: 'Errors', count: 2 },
  { namespace: 'AWS/ApiGateway', metric: '5XXError' },
  { namespace: 'AWS/Lambda', metric: 'Throttles', count: 2 },
  { namespace: 'AWS/SQS', metric: 'ApproximateAgeOfOldestMessage' },
  { namespace: 'AWS/SNS', metric: 'NumberOfNotificationsFailed' },
];

/** The custom metrics the handlers emit (issue 4). */
export const CUSTOM_METRICS = [
  'SignupAccepted',
  'SignupRejected',
  'QueueSendFailed',
  'DuplicateSuppressed',
  'WelcomePublished',
  'PublishFailed',
  'InvalidMessage',
] as const;
