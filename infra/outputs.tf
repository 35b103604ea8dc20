#### API

output "signup_url" {
  description = "URL to POST signups to (https://<id>.execute-api.<region>.amazonaws.com/<stage>/signup)."
  value       = module.api.signup_url
}

#### Queues

output "queue_url" {
  description = "URL of the signup queue."
  value       = module.queue.queue_url
}

output "queue_arn" {
  description = "ARN of the signup queue."
  value       = module.queue.queue_arn
}

output "dlq_url" {
  description = "URL of the signup dead-letter queue."
  value       = module.queue.dlq_url
}

output "dlq_arn" {
  description = "ARN of the signup dead-letter queue."
  value       = module.queue.dlq_arn
}

#### Functions

output "signup_handler_function_name" {
  description = "Name of the signup-handler Lambda function."
  value       = module.signup_handler.function_name
}

output "process_user_function_name" {
  description = "Name of the process-user Lambda function."
  value       = module.process_user.function_name
}

#### Welcome emails

output "welcome_topic_arn" {
  description = "ARN of the welcome SNS topic."
  value       = module.welcome_topic.topic_arn
}

output "idempotency_table_name" {
  description = "Name of the idempotency DynamoDB table; null when idempotency_enabled is false."
  value       = var.idempotency_enabled ? module.idempotency[0].table_name : null
}

#### Monitoring

output "alarms_topic_arn" {
  description = "ARN of the SNS topic the alarms notify."
  value       = module.alarms.topic_arn
}

output "alarm_names" {
  description = "Names of every CloudWatch alarm."
  value       = module.alarms.alarm_names
}

output "dashboard_name" {
  description = "Name of the CloudWatch dashboard."
  value       = module.dashboard.dashboard_name
}
