#### Deployment

variable "region" {
  type        = string
  description = "AWS region to deploy to (for example us-east-1)."
  default     = "us-east-1"

  validation {
    condition     = can(regex("^[a-z]{2}(-[a-z]+)+-[0-9]$", var.region))
    error_message = "region must be an AWS region name such as us-east-1."
  }
}

variable "name_prefix" {
  type        = string
  description = "Prefix of every AWS-facing name (functions, queues, topics, API, alarms): 2-32 lowercase letters, digits and dashes, starting with a letter."
  default     = "signup"

  validation {
    condition     = can(regex("^[a-z][a-z0-9-]{0,30}[a-z0-9]$", var.name_prefix))
    error_message = "name_prefix must be 2-32 lowercase letters, digits and dashes, start with a letter and not end with a dash."
  }
}

variable "tags" {
  type        = map(string)
  description = "Extra tags for every resource (added to the provider's default tags)."
  default     = {}
}

#### Functions

variable "lambda_runtime" {
  type        = string
  description = "Node.js runtime of both functions (Node 22 leaves LTS in April 2027)."
  default     = "nodejs24.x"

  validation {
    condition     = contains(["nodejs22.x", "nodejs24.x"], var.lambda_runtime)
    error_message = "lambda_runtime must be nodejs22.x or nodejs24.x."
  }
}

variable "signup_handler_timeout_seconds" {
  type        = number
  description = "Timeout of signup-handler, in seconds (1-29: API Gateway gives up after 29 s)."
  default     = 5

  validation {
    condition     = var.signup_handler_timeout_seconds >= 1 && var.signup_handler_timeout_seconds <= 29 && floor(var.signup_handler_timeout_seconds) == var.signup_handler_timeout_seconds
    error_message = "signup_handler_timeout_seconds must be a whole number from 1 to 29."
  }
}

variable "signup_handler_memory_mb" {
  type        = number
  description = "Memory of signup-handler, in MB (128-10240)."
  default     = 256

  validation {
    condition     = var.signup_handler_memory_mb >= 128 && var.signup_handler_memory_mb <= 10240
    error_message = "signup_handler_memory_mb must be from 128 to 10240."
  }
}

variable "process_user_timeout_seconds" {
  type        = number
  description = "Timeout of process-user, in seconds (1-900); the queue's visibility timeout is derived from it."
  default     = 10

  validation {
    condition     = var.process_user_timeout_seconds >= 1 && var.process_user_timeout_seconds <= 900 && floor(var.process_user_timeout_seconds) == var.process_user_timeout_seconds
    error_message = "process_user_timeout_seconds must be a whole number from 1 to 900."
  }
}

variable "process_user_memory_mb" {
  type        = number
  description = "Memory of process-user, in MB (128-10240)."
  default     = 256

  validation {
    condition     = var.process_user_memory_mb >= 128 && var.process_user_memory_mb <= 10240
    error_message = "process_user_memory_mb must be from 128 to 10240."
  }
}

variable "publish_concurrency" {
  type        = number
  description = "Records of one batch process-user publishes at the same time (1-10)."
  default     = 10

  validation {
    condition     = var.publish_concurrency >= 1 && var.publish_concurrency <= 10 && floor(var.publish_concurrency) == var.publish_concurrency
    error_message = "publish_concurrency must be a whole number from 1 to 10."
  }
}

variable "allowed_origin" {
  type        = string
  description = "Value of Access-Control-Allow-Origin on the API's responses: \"*\" or one origin such as https://example.com."
  default     = "*"

  validation {
    condition     = var.allowed_origin == "*" || can(regex("^https?://[^/\\s]+$", var.allowed_origin))
    error_message = "allowed_origin must be \"*\" or an origin such as https://example.com (scheme and host, no path)."
  }
}

#### Observability

variable "log_level" {
  type        = string
  description = "Level of the functions' Powertools logger."
  default     = "INFO"

  validation {
    condition     = contains(["DEBUG", "INFO", "WARN", "ERROR"], var.log_level)
    error_message = "log_level must be DEBUG, INFO, WARN or ERROR."
  }
}

variable "metrics_namespace" {
  type        = string
  description = "CloudWatch namespace of the handlers' custom metrics (1-255 characters, not starting with AWS/)."
  default     = "SignupPipeline"

  validation {
    condition     = can(regex("^[A-Za-z0-9._/#:-]{1,255}$", var.metrics_namespace)) && !startswith(var.metrics_namespace, "AWS/")
    error_message = "metrics_namespace must be 1-255 letters, digits or . _ / # : - and must not start with AWS/."
  }
}

variable "tracing_enabled" {
  type        = bool
  description = "Whether to trace with X-Ray: active tracing on both functions and the API stage, plus the X-Ray write permissions."
  default     = false
}

variable "log_retention_days" {
  type        = number
  description = "Retention of the function and API access log groups, in days (one of the values CloudWatch Logs accepts)."
  default     = 30

  validation {
    condition     = contains([1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288, 3653], var.log_retention_days)
    error_message = "log_retention_days must be one of 1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288, 3653."
  }
}

#### API

variable "api_stage_name" {
  type        = string
  description = "Name of the API stage, the first path segment of the signup URL."
  default     = "prod"

  validation {
    condition     = can(regex("^[A-Za-z0-9_-]{1,64}$", var.api_stage_name))
    error_message = "api_stage_name must be 1-64 letters, digits, dashes or underscores."
  }
}

variable "api_throttling_rate_limit" {
  type        = number
  description = "Steady-state requests per second the API accepts (1-10000)."
  default     = 10

  validation {
    condition     = var.api_throttling_rate_limit >= 1 && var.api_throttling_rate_limit <= 10000
    error_message = "api_throttling_rate_limit must be from 1 to 10000."
  }
}

variable "api_throttling_burst_limit" {
  type        = number
  description = "Requests the API accepts in a burst above the rate (1-5000)."
  default     = 20

  validation {
    condition     = var.api_throttling_burst_limit >= 1 && var.api_throttling_burst_limit <= 5000 && floor(var.api_throttling_burst_limit) == var.api_throttling_burst_limit
    error_message = "api_throttling_burst_limit must be a whole number from 1 to 5000."
  }
}

variable "manage_api_gateway_account" {
  type        = bool
  description = "Whether to create API Gateway's logging role and set it in the region's API Gateway account settings (needed once per account and region for access logs; set false if another stack manages it)."
  default     = true
}

#### Queue

variable "queue_visibility_timeout_seconds" {
  type        = number
  description = "Override of the queue's visibility timeout, in seconds (0-43200). Null (recommended) derives 6 x process_user_timeout_seconds + maximum_batching_window_seconds; anything smaller fails the plan."
  default     = null
}

variable "queue_message_retention_seconds" {
  type        = number
  description = "How long the queue keeps an unprocessed signup, in seconds (60-1209600)."
  default     = 345600

  validation {
    condition     = var.queue_message_retention_seconds >= 60 && var.queue_message_retention_seconds <= 1209600
    error_message = "queue_message_retention_seconds must be from 60 to 1209600."
  }
}

variable "max_receive_count" {
  type        = number
  description = "Deliveries of a signup before it is moved to the dead-letter queue (1-1000)."
  default     = 5

  validation {
    condition     = var.max_receive_count >= 1 && var.max_receive_count <= 1000 && floor(var.max_receive_count) == var.max_receive_count
    error_message = "max_receive_count must be a whole number from 1 to 1000."
  }
}

variable "batch_size" {
  type        = number
  description = "Most signups process-user receives per invocation (1-10000; above 10 needs a batching window of at least 1 s)."
  default     = 10

  validation {
    condition     = var.batch_size >= 1 && var.batch_size <= 10000 && floor(var.batch_size) == var.batch_size
    error_message = "batch_size must be a whole number from 1 to 10000."
  }
}

variable "maximum_batching_window_seconds" {
  type        = number
  description = "How long Lambda waits to fill a batch before invoking process-user, in seconds (0-300)."
  default     = 0

  validation {
    condition     = var.maximum_batching_window_seconds >= 0 && var.maximum_batching_window_seconds <= 300
    error_message = "maximum_batching_window_seconds must be from 0 to 300."
  }
}

variable "maximum_concurrency" {
  type        = number
  description = "Most concurrent process-user invocations the queue triggers (2-1000)."
  default     = 5

  validation {
    condition     = var.maximum_concurrency >= 2 && var.maximum_concurrency <= 1000 && floor(var.maximum_concurrency) == var.maximum_concurrency
    error_message = "maximum_concurrency must be a whole number from 2 to 1000."
  }
}

variable "queue_kms_key_arn" {
  type        = string
  description = "ARN of a customer-managed KMS key for the queue and DLQ; null uses SQS-managed encryption (SSE-SQS)."
  default     = null

  validation {
    condition     = var.queue_kms_key_arn == null ? true : startswith(var.queue_kms_key_arn, "arn:")
    error_message = "queue_kms_key_arn must be null or a KMS key ARN."
  }
}

#### Welcome emails

variable "welcome_email_addresses" {
  type        = list(string)
  description = "Email addresses subscribed to the welcome topic (each confirms once from the email AWS sends)."
  default     = []
}

variable "welcome_topic_kms_key_arn" {
  type        = string
  description = "ARN of a customer-managed KMS key for the welcome topic; null uses the AWS-managed key alias/aws/sns."
  default     = null

  validation {
    condition     = var.welcome_topic_kms_key_arn == null ? true : startswith(var.welcome_topic_kms_key_arn, "arn:")
    error_message = "welcome_topic_kms_key_arn must be null or a KMS key ARN."
  }
}

variable "idempotency_enabled" {
  type        = bool
  description = "Whether process-user records each signup in a DynamoDB table so a redelivered or resubmitted signup sends no second email; false gives plain at-least-once delivery and no table."
  default     = true
}

#### Alarms

variable "alarm_email_addresses" {
  type        = list(string)
  description = "Email addresses notified when an alarm fires or recovers (each confirms once)."
  default     = []
}

variable "queue_age_alarm_threshold_seconds" {
  type        = number
  description = "Age of the oldest queued signup, in seconds, above which the backlog alarm fires (60-1209600)."
  default     = 300

  validation {
    condition     = var.queue_age_alarm_threshold_seconds >= 60 && var.queue_age_alarm_threshold_seconds <= 1209600
    error_message = "queue_age_alarm_threshold_seconds must be from 60 to 1209600."
  }
}
