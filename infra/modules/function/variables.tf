#### Identity

variable "function_name" {
  type        = string
  description = "Name of the Lambda function, also used for its IAM role and log group (1-64 characters: letters, digits, dashes, underscores)."

  validation {
    condition     = can(regex("^[A-Za-z0-9_-]{1,64}$", var.function_name))
    error_message = "function_name must be 1-64 letters, digits, dashes or underscores."
  }
}

variable "description" {
  type        = string
  description = "Human-readable description of the function (at most 256 characters)."
  default     = ""
}

#### Code and runtime

variable "zip_path" {
  type        = string
  description = "Path of the deployment zip written by `make build` (for example packages/<fn>/dist/<fn>.zip); its SHA-256 triggers redeploys."
}

variable "handler" {
  type        = string
  description = "Module and export Lambda calls, as <file without extension>.<export>."
  default     = "index.handler"
}

variable "runtime" {
  type        = string
  description = "Lambda Node.js runtime identifier."
  default     = "nodejs24.x"

  validation {
    condition     = contains(["nodejs22.x", "nodejs24.x"], var.runtime)
    error_message = "runtime must be nodejs22.x or nodejs24.x."
  }
}

variable "architecture" {
  type        = string
  description = "Instruction set of the function; the bundles are plain JavaScript, arm64 is cheaper per GB-second."
  default     = "arm64"

  validation {
    condition     = contains(["arm64", "x86_64"], var.architecture)
    error_message = "architecture must be arm64 or x86_64."
  }
}

variable "timeout_seconds" {
  type        = number
  description = "Maximum run time of one invocation, in seconds (1-900)."

  validation {
    condition     = var.timeout_seconds >= 1 && var.timeout_seconds <= 900 && floor(var.timeout_seconds) == var.timeout_seconds
    error_message = "timeout_seconds must be a whole number from 1 to 900."
  }
}

variable "memory_size_mb" {
  type        = number
  description = "Memory of the function in MB (128-10240); CPU scales with it."
  default     = 256

  validation {
    condition     = var.memory_size_mb >= 128 && var.memory_size_mb <= 10240 && floor(var.memory_size_mb) == var.memory_size_mb
    error_message = "memory_size_mb must be a whole number from 128 to 10240."
  }
}

variable "environment_variables" {
  type        = map(string)
  description = "Environment variables of the function, exactly as the handler reads them (names and values; no secrets)."
  default     = {}
}

#### Observability

variable "log_retention_days" {
  type        = number
  description = "Retention of the function's log group, in days (one of the values CloudWatch Logs accepts)."
  default     = 30

  validation {
    condition     = contains([1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288, 3653], var.log_retention_days)
    error_message = "log_retention_days must be one of 1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288, 3653."
  }
}

variable "tracing_enabled" {
  type        = bool
  description = "Whether to enable active X-Ray tracing and grant the two X-Ray write actions to the function's role."
  default     = false
}

#### Permissions

variable "policy_statements" {
  type = map(object({
    actions   = list(string)
    resources = list(string)
  }))
  description = "Extra IAM statements of the function's role, keyed by a purpose (used as the Sid); each names exact actions on exact ARNs. A statement whose resources list is empty is left out."
  default     = {}
}
