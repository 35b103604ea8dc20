#### Naming and notification

variable "name_prefix" {
  type        = string
  description = "Prefix of the alarm names, the alarms topic and its KMS key alias (lowercase letters, digits, dashes)."

  validation {
    condition     = can(regex("^[a-z0-9-]+$", var.name_prefix))
    error_message = "name_prefix must contain only lowercase letters, digits and dashes."
  }
}

variable "email_addresses" {
  type        = list(string)
  description = "Email addresses the alarms topic notifies (each confirms its subscription once)."
  default     = []
}

#### Monitored resources

variable "api_name" {
  type        = string
  description = "Name of the REST API (ApiName dimension)."
}

variable "api_stage_name" {
  type        = string
  description = "Name of the API stage (Stage dimension)."
}

variable "signup_handler_function_name" {
  type        = string
  description = "Name of the signup-handler Lambda function."
}

variable "process_user_function_name" {
  type        = string
  description = "Name of the process-user Lambda function."
}

variable "queue_name" {
  type        = string
  description = "Name of the signup queue."
}

variable "dlq_name" {
  type        = string
  description = "Name of the signup dead-letter queue."
}

variable "welcome_topic_name" {
  type        = string
  description = "Name of the welcome SNS topic."
}

#### Thresholds

variable "process_user_errors_per_minute" {
  type        = number
  description = "process-user errors in one minute above which the alarm fires (0 or more)."
  default     = 1

  validation {
    condition     = var.process_user_errors_per_minute >= 0
    error_message = "process_user_errors_per_minute must be 0 or more."
  }
}

variable "oldest_message_age_seconds" {
  type        = number
  description = "Age of the oldest queued signup, in seconds, above which the alarm fires (60-1209600)."
  default     = 300

  validation {
    condition     = var.oldest_message_age_seconds >= 60 && var.oldest_message_age_seconds <= 1209600
    error_message = "oldest_message_age_seconds must be from 60 to 1209600."
  }
}
