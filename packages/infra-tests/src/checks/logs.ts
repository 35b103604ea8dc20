import { blocksOf, type Configuration, expressionOf, resourcesOfType, where } from '../hcl';

/**
 * Every log group has a retention, every Lambda function logs JSON into a log group Terraform creates in
 * the same module (so it exists, with its retention, before the function), and the API stage writes access
 * logs to a managed log group.
 */
export function checkLogging(config: Configuration): string[] {
  const violations: string[] = [];
  for (const { module, name, body } of resourcesOfType(config, 'aws_cloudwatch_log_group')) {
    const retention = body.retention_in_days;
    if (retention === undefined || retention === 0) {
      violations.push(
        `${where(config, module, `aws_cloudwatch_log_group.${name}`)}: no retention_in_days (logs kept forever)`,
      );
    }
  }
  for (const { module, name, body } of resourcesOfType(config, 'aws_lambda_function')) {
    const at = where(config, module, `aws_lambda_function.${name}`);
    const logging = blocksOf(body, 'logging_config')[0];
    if (logging?.log_format !== 'JSON') violations.push(`${at}: logging_config.log_format must be "JSON"`);
    const group = /^aws_cloudwatch_log_group\.([\w-]+)\.name$/.exec(
      expressionOf(logging?.log_group) ?? '',
    )?.[1];
    if (!group || !module.resources.aws_cloudwatch_log_group?.[group]) {
      violations.push(
        `${at}: logging_config.log_group must refer to an aws_cloudwatch_log_group of the module`,
      );
    }
  }
  for (const { module, name, body } of resourcesOfType(config, 'aws_api_gateway_stage')) {
    const access = blocksOf(body, 'access_log_settings')[0];
    const group = /^aws_cloudwatch_log_group\.([\w-]+)\.arn$/.exec(
      expressionOf(access?.destination_arn) ?? '',
    )?.[1];
    if (!group || !module.resources.aws_cloudwatch_log_group?.[group]) {
      violations.push(
        `${where(config, module, `aws_api_gateway_stage.${name}`)}: access logs must go to a managed log group`,
      );
    }
  }
  return violations;
}
