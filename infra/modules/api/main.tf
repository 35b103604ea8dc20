#### API and route

resource "aws_api_gateway_rest_api" "this" {
  name        = var.name
  description = "Signup API: POST /signup"

  endpoint_configuration {
    types = ["REGIONAL"]
  }
}

resource "aws_api_gateway_resource" "signup" {
  rest_api_id = aws_api_gateway_rest_api.this.id
  parent_id   = aws_api_gateway_rest_api.this.root_resource_id
  path_part   = "signup"
}

locals {
  # The handler answers both: the signup itself and the CORS preflight.
  methods = toset(["POST", "OPTIONS"])
}

resource "aws_api_gateway_method" "signup" {
  for_each = local.methods

  rest_api_id   = aws_api_gateway_rest_api.this.id
  resource_id   = aws_api_gateway_resource.signup.id
  http_method   = each.key
  authorization = "NONE"
}

resource "aws_api_gateway_integration" "signup" {
  for_each = local.methods

  rest_api_id             = aws_api_gateway_rest_api.this.id
  resource_id             = aws_api_gateway_resource.signup.id
  http_method             = aws_api_gateway_method.signup[each.key].http_method
  type                    = "AWS_PROXY"
  integration_http_method = "POST" # Lambda is always invoked with POST, whatever the client's method
  uri                     = var.function_invoke_arn
}

resource "aws_lambda_permission" "signup" {
  for_each = local.methods

  statement_id  = "AllowApiGateway${title(lower(each.key))}Signup"
  action        = "lambda:InvokeFunction"
  function_name = var.function_name
  principal     = "apigateway.amazonaws.com"
  # Only this API, this stage, this method and this path.
  source_arn = "${aws_api_gateway_rest_api.this.execution_arn}/${aws_api_gateway_stage.this.stage_name}/${each.key}${aws_api_gateway_resource.signup.path}"
}

#### Deployment and stage

resource "aws_api_gateway_deployment" "this" {
  rest_api_id = aws_api_gateway_rest_api.this.id

  # Redeploy whenever the route, a method or an integration changes.
  triggers = {
    redeployment = sha1(jsonencode([
      aws_api_gateway_resource.signup,
      aws_api_gateway_method.signup,
      aws_api_gateway_integration.signup,
    ]))
  }

  lifecycle {
    create_before_destroy = true
  }
}

resource "aws_cloudwatch_log_group" "access" {
  name              = "/aws/apigateway/${var.name}/access"
  retention_in_days = var.log_retention_days
}

resource "aws_api_gateway_stage" "this" {
  rest_api_id          = aws_api_gateway_rest_api.this.id
  deployment_id        = aws_api_gateway_deployment.this.id
  stage_name           = var.stage_name
  xray_tracing_enabled = var.xray_tracing_enabled

  # One JSON line per request; no body, no headers, no source IP: nothing personal.
  access_log_settings {
    destination_arn = aws_cloudwatch_log_group.access.arn
    format = jsonencode({
      requestId          = "$context.requestId"
      requestTime        = "$context.requestTimeEpoch"
      httpMethod         = "$context.httpMethod"
      resourcePath       = "$context.resourcePath"
      status             = "$context.status"
      responseLength     = "$context.responseLength"
      responseLatency    = "$context.responseLatency"
      integrationLatency = "$context.integration.latency"
      integrationStatus  = "$context.integration.status"
      errorMessage       = "$context.error.message"
    })
  }

  depends_on = [aws_api_gateway_account.this]
}

resource "aws_api_gateway_method_settings" "all" {
  rest_api_id = aws_api_gateway_rest_api.this.id
  stage_name  = aws_api_gateway_stage.this.stage_name
  method_path = "*/*"

  settings {
    throttling_rate_limit  = var.throttling_rate_limit
    throttling_burst_limit = var.throttling_burst_limit
    metrics_enabled        = true
    data_trace_enabled     = false # full request logging would write the email addresses to the logs
    logging_level          = "OFF" # the access log above is the request log
  }
}

#### Account logging role

data "aws_iam_policy_document" "api_gateway_assume_role" {
  count = var.manage_account_logging_role ? 1 : 0

  statement {
    sid     = "ApiGatewayAssumeRole"
    actions = ["sts:AssumeRole"]

    principals {
      type        = "Service"
      identifiers = ["apigateway.amazonaws.com"]
    }
  }
}

resource "aws_iam_role" "api_gateway_logging" {
  count = var.manage_account_logging_role ? 1 : 0

  name               = "${var.name}-apigateway-logs"
  description        = "Lets API Gateway write access logs (account-wide setting of this region)"
  assume_role_policy = data.aws_iam_policy_document.api_gateway_assume_role[0].json
}

# The role is account-wide (every API of the region logs through it), so it gets the AWS-managed policy
# API Gateway documents for it rather than one scoped to this API's log group.
resource "aws_iam_role_policy_attachment" "api_gateway_logging" {
  count = var.manage_account_logging_role ? 1 : 0

  role       = aws_iam_role.api_gateway_logging[0].name
  policy_arn = "arn:aws:iam::aws:policy/service-role/AmazonAPIGatewayPushToCloudWatchLogs"
}

resource "aws_api_gateway_account" "this" {
  count = var.manage_account_logging_role ? 1 : 0

  cloudwatch_role_arn = aws_iam_role.api_gateway_logging[0].arn

  depends_on = [aws_iam_role_policy_attachment.api_gateway_logging]
}
