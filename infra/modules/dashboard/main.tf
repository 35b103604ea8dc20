#### Widgets

locals {
  functions = [var.signup_handler_function_name, var.process_user_function_name]

  # The handlers choose the dimensions (service, and reason for rejections), so the custom metrics are found
  # by search (namespace and metric name, any dimensions) rather than listed dimension by dimension.
  custom_metric = {
    for name in ["SignupAccepted", "SignupRejected", "QueueSendFailed", "WelcomePublished", "DuplicateSuppressed", "PublishFailed", "InvalidMessage"] :
    name => "SEARCH('\"${var.metrics_namespace}\" MetricName=\"${name}\"', 'Sum', 60)"
  }

  widgets = [
    {
      title   = "API: requests and errors"
      metrics = [for metric in ["Count", "4XXError", "5XXError"] : ["AWS/ApiGateway", metric, "ApiName", var.api_name, "Stage", var.api_stage_name, { stat = "Sum" }]]
    },
    {
      title   = "API: latency (p99)"
      metrics = [for metric in ["Latency", "IntegrationLatency"] : ["AWS/ApiGateway", metric, "ApiName", var.api_name, "Stage", var.api_stage_name, { stat = "p99" }]]
    },
    {
      title = "Functions: invocations, errors, throttles"
      metrics = flatten([for function in local.functions : [
        for metric in ["Invocations", "Errors", "Throttles"] : ["AWS/Lambda", metric, "FunctionName", function, { stat = "Sum" }]
      ]])
    },
    {
      title   = "Functions: duration (p99)"
      metrics = [for function in local.functions : ["AWS/Lambda", "Duration", "FunctionName", function, { stat = "p99" }]]
    },
    {
      title = "Queue: flow and backlog"
      metrics = [
        ["AWS/SQS", "NumberOfMessagesSent", "QueueName", var.queue_name, { stat = "Sum" }],
        ["AWS/SQS", "NumberOfMessagesDeleted", "QueueName", var.queue_name, { stat = "Sum" }],
        ["AWS/SQS", "ApproximateNumberOfMessagesVisible", "QueueName", var.queue_name, { stat = "Maximum" }],
        ["AWS/SQS", "ApproximateAgeOfOldestMessage", "QueueName", var.queue_name, { stat = "Maximum" }],
      ]
    },
    {
      title   = "Dead-letter queue: messages"
      metrics = [["AWS/SQS", "ApproximateNumberOfMessagesVisible", "QueueName", var.dlq_name, { stat = "Maximum" }]]
    },
    {
      title   = "Welcome topic: published, delivered, failed"
      metrics = [for metric in ["NumberOfMessagesPublished", "NumberOfNotificationsDelivered", "NumberOfNotificationsFailed"] : ["AWS/SNS", metric, "TopicName", var.welcome_topic_name, { stat = "Sum" }]]
    },
    {
      title   = "Signups (custom metrics)"
      metrics = [for name in ["SignupAccepted", "SignupRejected", "QueueSendFailed"] : [{ expression = local.custom_metric[name], label = name, id = lower(name) }]]
    },
    {
      title   = "Welcome emails (custom metrics)"
      metrics = [for name in ["WelcomePublished", "DuplicateSuppressed", "PublishFailed", "InvalidMessage"] : [{ expression = local.custom_metric[name], label = name, id = lower(name) }]]
    },
  ]
}

#### Dashboard

resource "aws_cloudwatch_dashboard" "this" {
  dashboard_name = var.dashboard_name
  dashboard_body = jsonencode({
    widgets = [for index, widget in local.widgets : {
      type   = "metric"
      x      = (index % 2) * 12
      y      = floor(index / 2) * 6
      width  = 12
      height = 6
      properties = {
        title   = widget.title
        region  = var.region
        view    = "timeSeries"
        stacked = false
        period  = 60
        metrics = widget.metrics
      }
    }]
  })
}
