#### Dashboard

variable "dashboard_name" {
  type        = string
  description = "Name of the CloudWatch dashboard (1-255 letters, digits, dashes, underscores)."

  validation {
    condition     = can(regex("^[A-Za-z0-9_-]{1,255}$", var.dashboard_name))
    error_message = "dashboard_name must be 1-255 letters, digits, dashes or underscores."
  }
}

variable "region" {
  type        = string
  description = "AWS region the metrics live in (for example us-east-1)."
}

variable "metrics_namespace" {
  type        = string
  description = "CloudWatch namespace of the handlers' custom (Powertools EMF) metrics."
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
