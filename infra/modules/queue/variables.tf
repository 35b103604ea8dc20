#### Queues

variable "name" {
  type        = string
  description = "Name of the queue; the dead-letter queue is named <name>-dlq (1-76 characters: letters, digits, dashes, underscores)."

  validation {
    condition     = can(regex("^[A-Za-z0-9_-]{1,76}$", var.name))
    error_message = "name must be 1-76 letters, digits, dashes or underscores (76 leaves room for the -dlq suffix)."
  }
}

variable "message_retention_seconds" {
  type        = number
  description = "How long the queue keeps an unprocessed message, in seconds (60-1209600, i.e. 1 minute to 14 days)."
  default     = 345600

  validation {
    condition     = var.message_retention_seconds >= 60 && var.message_retention_seconds <= 1209600
    error_message = "message_retention_seconds must be from 60 to 1209600."
  }
}

variable "max_receive_count" {
  type        = number
  description = "Deliveries of a message before SQS moves it to the dead-letter queue (1-1000)."
  default     = 5

  validation {
    condition     = var.max_receive_count >= 1 && var.max_receive_count <= 1000 && floor(var.max_receive_count) == var.max_receive_count
    error_message = "max_receive_count must be a whole number from 1 to 1000."
  }
}

variable "visibility_timeout_seconds" {
  type        = number
  description = "Override of the visibility timeout, in seconds (0-43200). Null derives it from the consumer: 6 x consumer_timeout_seconds + maximum_batching_window_in_seconds; a smaller override fails the plan."
  default     = null

  validation {
    condition     = var.visibility_timeout_seconds == null ? true : var.visibility_timeout_seconds >= 0 && var.visibility_timeout_seconds <= 43200
    error_message = "visibility_timeout_seconds must be null or from 0 to 43200."
  }
}

variable "kms_key_arn" {
  type        = string
  description = "ARN of a customer-managed KMS key for both queues; null uses SQS-managed encryption (SSE-SQS)."
  default     = null
}

#### Consumer

variable "consumer_function_name" {
  type        = string
  description = "Name (or ARN) of the Lambda function that consumes the queue through an event source mapping."
}

variable "consumer_timeout_seconds" {
  type        = number
  description = "Timeout of the consumer function, in seconds (1-900); the visibility timeout is derived from it."

  validation {
    condition     = var.consumer_timeout_seconds >= 1 && var.consumer_timeout_seconds <= 900
    error_message = "consumer_timeout_seconds must be from 1 to 900."
  }
}

variable "batch_size" {
  type        = number
  description = "Most messages the consumer receives in one invocation (1-10000; above 10 needs a batching window of at least 1 s)."
  default     = 10

  validation {
    condition     = var.batch_size >= 1 && var.batch_size <= 10000 && floor(var.batch_size) == var.batch_size
    error_message = "batch_size must be a whole number from 1 to 10000."
  }
}

variable "maximum_batching_window_in_seconds" {
  type        = number
  description = "How long Lambda waits to fill a batch before invoking the consumer, in seconds (0-300)."
  default     = 0

  validation {
    condition     = var.maximum_batching_window_in_seconds >= 0 && var.maximum_batching_window_in_seconds <= 300
    error_message = "maximum_batching_window_in_seconds must be from 0 to 300."
  }
}

variable "maximum_concurrency" {
  type        = number
  description = "Most concurrent consumer invocations the event source mapping starts (2-1000)."
  default     = 5

  validation {
    condition     = var.maximum_concurrency >= 2 && var.maximum_concurrency <= 1000 && floor(var.maximum_concurrency) == var.maximum_concurrency
    error_message = "maximum_concurrency must be a whole number from 2 to 1000."
  }
}
