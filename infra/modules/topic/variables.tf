#### Topic

variable "name" {
  type        = string
  description = "Name of the SNS topic (1-256 characters: letters, digits, dashes, underscores)."

  validation {
    condition     = can(regex("^[A-Za-z0-9_-]{1,256}$", var.name))
    error_message = "name must be 1-256 letters, digits, dashes or underscores."
  }
}

variable "kms_master_key_id" {
  type        = string
  description = "KMS key (ID, ARN or alias) that encrypts messages at rest; the default is the AWS-managed SNS key."
  default     = "alias/aws/sns"

  validation {
    condition     = length(var.kms_master_key_id) > 0
    error_message = "kms_master_key_id must not be empty: the topic is always encrypted."
  }
}

variable "email_addresses" {
  type        = list(string)
  description = "Email addresses subscribed to the topic; each recipient confirms once from the email AWS sends."
  default     = []

  validation {
    condition     = alltrue([for address in var.email_addresses : can(regex("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$", address))])
    error_message = "Every entry of email_addresses must be an email address."
  }
}

#### Publishers

variable "publisher_service_principal" {
  type        = string
  description = "AWS service principal allowed to publish through the topic policy (for example cloudwatch.amazonaws.com), scoped to this account; null for none (IAM principals publish with their own role policy)."
  default     = null

  validation {
    condition     = var.publisher_service_principal == null ? true : can(regex("^[a-z0-9.-]+\\.amazonaws\\.com$", var.publisher_service_principal))
    error_message = "publisher_service_principal must be null or a service principal such as cloudwatch.amazonaws.com."
  }
}
