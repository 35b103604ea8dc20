#### Shared settings

locals {
  # KMS keys in use; empty lists when the AWS-managed encryption is chosen (no IAM grant needed then).
  queue_kms_key_arns         = var.queue_kms_key_arn == null ? [] : [var.queue_kms_key_arn]
  welcome_topic_kms_key_arns = var.welcome_topic_kms_key_arn == null ? [] : [var.welcome_topic_kms_key_arn]
}

#### Signup API and signup-handler

module "signup_handler" {
  source = "./modules/function"

  function_name   = "${var.name_prefix}-signup-handler"
  description     = "Validates POST /signup and queues accepted signups"
  zip_path        = "${path.module}/../packages/signup-handler/dist/signup-handler.zip"
  runtime         = var.lambda_runtime
  timeout_seconds = var.signup_handler_timeout_seconds
  memory_size_mb  = var.signup_handler_memory_mb

  # Exactly the names packages/signup-handler/src/config.ts reads, plus Powertools' own.
  environment_variables = {
    SIGNUP_QUEUE_URL             = module.queue.queue_url
    ALLOWED_ORIGIN               = var.allowed_origin
    POWERTOOLS_SERVICE_NAME      = "signup-handler"
    POWERTOOLS_LOG_LEVEL         = var.log_level
    POWERTOOLS_METRICS_NAMESPACE = var.metrics_namespace
    POWERTOOLS_TRACE_ENABLED     = var.tracing_enabled ? "true" : "false"
  }

  policy_statements = {
    send_signups = {
      actions   = ["sqs:SendMessage"]
      resources = [module.queue.queue_arn]
    }
    encrypt_signups = {
      actions   = ["kms:GenerateDataKey", "kms:Decrypt"]
      resources = local.queue_kms_key_arns
    }
  }

  log_retention_days = var.log_retention_days
  tracing_enabled    = var.tracing_enabled
}

module "api" {
  source = "./modules/api"

  name                        = "${var.name_prefix}-api"
  stage_name                  = var.api_stage_name
  function_name               = module.signup_handler.function_name
  function_invoke_arn         = module.signup_handler.function_invoke_arn
  throttling_rate_limit       = var.api_throttling_rate_limit
  throttling_burst_limit      = var.api_throttling_burst_limit
  log_retention_days          = var.log_retention_days
  xray_tracing_enabled        = var.tracing_enabled
  manage_account_logging_role = var.manage_api_gateway_account
}

#### Queue and process-user

module "queue" {
  source = "./modules/queue"

  name                       = "${var.name_prefix}-signups"
  message_retention_seconds  = var.queue_message_retention_seconds
  max_receive_count          = var.max_receive_count
  visibility_timeout_seconds = var.queue_visibility_timeout_seconds
  kms_key_arn                = var.queue_kms_key_arn

  # The visibility timeout is derived from these two (see the module's timing rule).
  consumer_function_name             = module.process_user.function_name
  consumer_timeout_seconds           = var.process_user_timeout_seconds
  batch_size                         = var.batch_size
  maximum_batching_window_in_seconds = var.maximum_batching_window_seconds
  maximum_concurrency                = var.maximum_concurrency
}

module "idempotency" {
  source = "./modules/idempotency"
  count  = var.idempotency_enabled ? 1 : 0

  table_name = "${var.name_prefix}-idempotency"
}

module "process_user" {
  source = "./modules/function"

  function_name   = "${var.name_prefix}-process-user"
  description     = "Publishes one welcome email per queued signup"
  zip_path        = "${path.module}/../packages/process-user/dist/process-user.zip"
  runtime         = var.lambda_runtime
  timeout_seconds = var.process_user_timeout_seconds
  memory_size_mb  = var.process_user_memory_mb

  # Exactly the names packages/process-user/src/config.ts reads, plus Powertools' own.
  environment_variables = {
    WELCOME_TOPIC_ARN            = module.welcome_topic.topic_arn
    PUBLISH_CONCURRENCY          = tostring(var.publish_concurrency)
    IDEMPOTENCY_TABLE_NAME       = var.idempotency_enabled ? module.idempotency[0].table_name : ""
    POWERTOOLS_SERVICE_NAME      = "process-user"
    POWERTOOLS_LOG_LEVEL         = var.log_level
    POWERTOOLS_METRICS_NAMESPACE = var.metrics_namespace
    POWERTOOLS_TRACE_ENABLED     = var.tracing_enabled ? "true" : "false"
  }

  policy_statements = {
    consume_signups = {
      actions   = ["sqs:ReceiveMessage", "sqs:DeleteMessage", "sqs:GetQueueAttributes", "sqs:ChangeMessageVisibility"]
      resources = [module.queue.queue_arn]
    }
    decrypt_signups = {
      actions   = ["kms:Decrypt"]
      resources = local.queue_kms_key_arns
    }
    publish_welcome = {
      actions   = ["sns:Publish"]
      resources = [module.welcome_topic.topic_arn]
    }
    encrypt_welcome = {
      actions   = ["kms:GenerateDataKey", "kms:Decrypt"]
      resources = local.welcome_topic_kms_key_arns
    }
    # Empty (so left out) when idempotency is disabled.
    record_idempotency = {
      actions   = ["dynamodb:GetItem", "dynamodb:PutItem", "dynamodb:UpdateItem", "dynamodb:DeleteItem"]
      resources = module.idempotency[*].table_arn
    }
  }

  log_retention_days = var.log_retention_days
  tracing_enabled    = var.tracing_enabled
}

#### Welcome emails

module "welcome_topic" {
  source = "./modules/topic"

  name              = "${var.name_prefix}-welcome"
  kms_master_key_id = coalesce(var.welcome_topic_kms_key_arn, "alias/aws/sns")
  email_addresses   = var.welcome_email_addresses
}

#### Monitoring

module "alarms" {
  source = "./modules/alarms"

  name_prefix                  = var.name_prefix
  email_addresses              = var.alarm_email_addresses
  api_name                     = module.api.rest_api_name
  api_stage_name               = module.api.stage_name
  signup_handler_function_name = module.signup_handler.function_name
  process_user_function_name   = module.process_user.function_name
  queue_name                   = module.queue.queue_name
  dlq_name                     = module.queue.dlq_name
  welcome_topic_name           = module.welcome_topic.topic_name
  oldest_message_age_seconds   = var.queue_age_alarm_threshold_seconds
}

module "dashboard" {
  source = "./modules/dashboard"

  dashboard_name               = "${var.name_prefix}-pipeline"
  region                       = var.region
  metrics_namespace            = var.metrics_namespace
  api_name                     = module.api.rest_api_name
  api_stage_name               = module.api.stage_name
  signup_handler_function_name = module.signup_handler.function_name
  process_user_function_name   = module.process_user.function_name
  queue_name                   = module.queue.queue_name
  dlq_name                     = module.queue.dlq_name
  welcome_topic_name           = module.welcome_topic.topic_name
}
