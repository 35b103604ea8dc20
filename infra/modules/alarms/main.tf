#### Context

data "aws_caller_identity" "current" {}

#### Alarms topic and its key

# CloudWatch cannot use the AWS-managed SNS key, so the alarms topic has its own key whose policy lets
# CloudWatch encrypt the notifications it publishes.
data "aws_iam_policy_document" "key" {
  # A key policy's resource is always "*": it means this key. Administration is delegated to the account's
  # IAM policies, action by action.
  statement {
    sid = "AccountAdministersKey"
    actions = [
      "kms:CancelKeyDeletion",
      "kms:CreateAlias",
      "kms:CreateGrant",
      "kms:Decrypt",
      "kms:DeleteAlias",
      "kms:DescribeKey",
      "kms:DisableKey",
      "kms:DisableKeyRotation",
      "kms:EnableKey",
      "kms:EnableKeyRotation",
      "kms:Encrypt",
      "kms:GenerateDataKey",
      "kms:GetKeyPolicy",
      "kms:GetKeyRotationStatus",
      "kms:ListGrants",
      "kms:ListKeyPolicies",
      "kms:ListKeyRotations",
      "kms:ListResourceTags",
      "kms:PutKeyPolicy",
      "kms:RetireGrant",
      "kms:RevokeGrant",
      "kms:RotateKeyOnDemand",
      "kms:ScheduleKeyDeletion",
      "kms:TagResource",
      "kms:UntagResource",
      "kms:UpdateAlias",
      "kms:UpdateKeyDescription",
    ]
    resources = ["*"]

    principals {
      type        = "AWS"
      identifiers = ["arn:aws:iam::${data.aws_caller_identity.current.account_id}:root"]
    }
  }

  statement {
    sid       = "CloudWatchEncryptsAlarmNotifications"
    actions   = ["kms:Decrypt", "kms:GenerateDataKey"]
    resources = ["*"]

    principals {
      type        = "Service"
      identifiers = ["cloudwatch.amazonaws.com"]
    }

    condition {
      test     = "StringEquals"
      variable = "aws:SourceAccount"
      values   = [data.aws_caller_identity.current.account_id]
    }
  }
}

resource "aws_kms_key" "this" {
  description             = "Encrypts the ${var.name_prefix} alarms SNS topic"
  enable_key_rotation     = true
  deletion_window_in_days = 7
  policy                  = data.aws_iam_policy_document.key.json
}

resource "aws_kms_alias" "this" {
  name          = "alias/${var.name_prefix}-alarms"
  target_key_id = aws_kms_key.this.key_id
}

module "topic" {
  source = "../topic"

  name                        = "${var.name_prefix}-alarms"
  kms_master_key_id           = aws_kms_key.this.arn
  email_addresses             = var.email_addresses
  publisher_service_principal = "cloudwatch.amazonaws.com"
}

#### Alarms

locals {
  alarm_actions = [module.topic.topic_arn]
}

# treat_missing_data: every metric below is only emitted while there is traffic (an idle queue, API or
# function sends no data points), so a missing point means "nothing happened", never "broken": notBreaching.

resource "aws_cloudwatch_metric_alarm" "dlq_messages" {
  alarm_name          = "${var.name_prefix}-dlq-not-empty"
  alarm_description   = "Signups were dead-lettered after every retry failed. Read process-user's logs for the cause, fix it, then redrive the DLQ (README: Dead-letter redrive)."
  namespace           = "AWS/SQS"
  metric_name         = "ApproximateNumberOfMessagesVisible"
  dimensions          = { QueueName = var.dlq_name }
  statistic           = "Maximum"
  period              = 60
  evaluation_periods  = 1
  comparison_operator = "GreaterThanThreshold"
  threshold           = 0
  # A DLQ holding messages keeps reporting; no data means it is empty and idle.
  treat_missing_data = "notBreaching"
  alarm_actions      = local.alarm_actions
  ok_actions         = local.alarm_actions
}

resource "aws_cloudwatch_metric_alarm" "process_user_errors" {
  alarm_name          = "${var.name_prefix}-process-user-errors"
  alarm_description   = "process-user failed invocations above ${var.process_user_errors_per_minute} per minute: messages are being retried and may end in the DLQ. Check its logs."
  namespace           = "AWS/Lambda"
  metric_name         = "Errors"
  dimensions          = { FunctionName = var.process_user_function_name }
  statistic           = "Sum"
  period              = 60
  evaluation_periods  = 1
  comparison_operator = "GreaterThanThreshold"
  threshold           = var.process_user_errors_per_minute
  # No invocations, no data point: nothing can have failed.
  treat_missing_data = "notBreaching"
  alarm_actions      = local.alarm_actions
  ok_actions         = local.alarm_actions
}

resource "aws_cloudwatch_metric_alarm" "signup_handler_errors" {
  alarm_name          = "${var.name_prefix}-signup-handler-errors"
  alarm_description   = "signup-handler threw (callers got a 5xx). Check its logs: configuration, permissions or SQS."
  namespace           = "AWS/Lambda"
  metric_name         = "Errors"
  dimensions          = { FunctionName = var.signup_handler_function_name }
  statistic           = "Sum"
  period              = 60
  evaluation_periods  = 1
  comparison_operator = "GreaterThanThreshold"
  threshold           = 0
  # No invocations, no data point: nothing can have failed.
  treat_missing_data = "notBreaching"
  alarm_actions      = local.alarm_actions
  ok_actions         = local.alarm_actions
}

resource "aws_cloudwatch_metric_alarm" "api_5xx" {
  alarm_name          = "${var.name_prefix}-api-5xx"
  alarm_description   = "POST /signup answered 5xx: signups were refused. Check signup-handler's errors and throttles and the API access log."
  namespace           = "AWS/ApiGateway"
  metric_name         = "5XXError"
  dimensions          = { ApiName = var.api_name, Stage = var.api_stage_name }
  statistic           = "Sum"
  period              = 60
  evaluation_periods  = 1
  comparison_operator = "GreaterThanThreshold"
  threshold           = 0
  # No requests, no data point: nobody was refused.
  treat_missing_data = "notBreaching"
  alarm_actions      = local.alarm_actions
  ok_actions         = local.alarm_actions
}

resource "aws_cloudwatch_metric_alarm" "throttles" {
  for_each = {
    "signup-handler" = var.signup_handler_function_name
    "process-user"   = var.process_user_function_name
  }

  alarm_name          = "${var.name_prefix}-${each.key}-throttles"
  alarm_description   = "${each.key} was throttled: the account or function concurrency is exhausted. Raise the limit or lower the API rate / maximum_concurrency."
  namespace           = "AWS/Lambda"
  metric_name         = "Throttles"
  dimensions          = { FunctionName = each.value }
  statistic           = "Sum"
  period              = 60
  evaluation_periods  = 1
  comparison_operator = "GreaterThanThreshold"
  threshold           = 0
  # No invocations, no data point: nothing was throttled.
  treat_missing_data = "notBreaching"
  alarm_actions      = local.alarm_actions
  ok_actions         = local.alarm_actions
}

resource "aws_cloudwatch_metric_alarm" "oldest_message_age" {
  alarm_name          = "${var.name_prefix}-queue-oldest-message-age"
  alarm_description   = "A signup has waited over ${var.oldest_message_age_seconds} s in the queue: process-user is failing, throttled or disabled. Check its errors and the event source mapping."
  namespace           = "AWS/SQS"
  metric_name         = "ApproximateAgeOfOldestMessage"
  dimensions          = { QueueName = var.queue_name }
  statistic           = "Maximum"
  period              = 60
  evaluation_periods  = 5
  comparison_operator = "GreaterThanThreshold"
  threshold           = var.oldest_message_age_seconds
  # A queue holding messages keeps reporting; no data means it is empty and idle.
  treat_missing_data = "notBreaching"
  alarm_actions      = local.alarm_actions
  ok_actions         = local.alarm_actions
}

resource "aws_cloudwatch_metric_alarm" "welcome_notifications_failed" {
  alarm_name          = "${var.name_prefix}-welcome-notifications-failed"
  alarm_description   = "SNS could not deliver welcome emails (unconfirmed or bouncing subscriptions, or KMS access). Check the topic's subscriptions and delivery status."
  namespace           = "AWS/SNS"
  metric_name         = "NumberOfNotificationsFailed"
  dimensions          = { TopicName = var.welcome_topic_name }
  statistic           = "Sum"
  period              = 300
  evaluation_periods  = 1
  comparison_operator = "GreaterThanThreshold"
  threshold           = 0
  # No publishes, no data point: nothing can have failed.
  treat_missing_data = "notBreaching"
  alarm_actions      = local.alarm_actions
  ok_actions         = local.alarm_actions
}
