#### API

variable "name" {
  type        = string
  description = "Name of the REST API, also the prefix of its access log group."
}

variable "stage_name" {
  type        = string
  description = "Name of the deployed stage, the first path segment of the URL (1-64 letters, digits, dashes, underscores)."
  default     = "prod"

  validation {
    condition     = can(regex("^[A-Za-z0-9_-]{1,64}$", var.stage_name))
    error_message = "stage_name must be 1-64 letters, digits, dashes or underscores."
  }
}

variable "function_name" {
  type        = string
  description = "Name of the Lambda function POST and OPTIONS /signup are proxied to."
}

variable "function_invoke_arn" {
  type        = string
  description = "Invoke ARN of that Lambda function."
}

#### Protection

variable "throttling_rate_limit" {
  type        = number
  description = "Steady-state request rate the stage accepts, in requests per second (1-10000)."
  default     = 10

  validation {
    condition     = var.throttling_rate_limit >= 1 && var.throttling_rate_limit <= 10000
    error_message = "throttling_rate_limit must be from 1 to 10000."
  }
}

variable "throttling_burst_limit" {
  type        = number
  description = "Requests the stage accepts in a burst above the rate, in requests (1-5000)."
  default     = 20

  validation {
    condition     = var.throttling_burst_limit >= 1 && var.throttling_burst_limit <= 5000 && floor(var.throttling_burst_limit) == var.throttling_burst_limit
    error_message = "throttling_burst_limit must be a whole number from 1 to 5000."
  }
}

#### Observability

variable "log_retention_days" {
  type        = number
  description = "Retention of the access log group, in days (one of the values CloudWatch Logs accepts)."
  default     = 30

  validation {
    condition     = contains([1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288, 3653], var.log_retention_days)
    error_message = "log_retention_days must be one of 1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288, 3653."
  }
}

variable "xray_tracing_enabled" {
  type        = bool
  description = "Whether the stage samples requests into X-Ray."
  default     = false
}

variable "manage_account_logging_role" {
  type        = bool
  description = "Whether to create the IAM role API Gateway needs to write logs and set it in this region's API Gateway account settings (one setting per account and region: set false if another stack already manages it)."
  default     = true
}
