#### Table

variable "table_name" {
  type        = string
  description = "Name of the DynamoDB table holding Powertools idempotency records (3-255 characters: letters, digits, dots, dashes, underscores)."

  validation {
    condition     = can(regex("^[A-Za-z0-9_.-]{3,255}$", var.table_name))
    error_message = "table_name must be 3-255 letters, digits, dots, dashes or underscores."
  }
}

variable "kms_key_arn" {
  type        = string
  description = "ARN of a customer-managed KMS key for server-side encryption; null uses the AWS-managed DynamoDB key."
  default     = null
}
