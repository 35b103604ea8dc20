#### Notification

output "topic_arn" {
  description = "ARN of the alarms SNS topic."
  value       = module.topic.topic_arn
}

#### Alarms

output "alarm_names" {
  description = "Names of every alarm."
  value = concat(
    [
      aws_cloudwatch_metric_alarm.dlq_messages.alarm_name,
      aws_cloudwatch_metric_alarm.process_user_errors.alarm_name,
      aws_cloudwatch_metric_alarm.signup_handler_errors.alarm_name,
      aws_cloudwatch_metric_alarm.api_5xx.alarm_name,
      aws_cloudwatch_metric_alarm.oldest_message_age.alarm_name,
      aws_cloudwatch_metric_alarm.welcome_notifications_failed.alarm_name,
    ],
    [for alarm in aws_cloudwatch_metric_alarm.throttles : alarm.alarm_name],
  )
}
