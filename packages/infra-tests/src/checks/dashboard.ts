import { type Configuration, resourcesOfType, where } from '../hcl';

/**
 * A dashboard exists and shows every AWS namespace of the pipeline and each custom metric by name.
 *
 * @example
 * checkDashboard(config, ['SignupAccepted']);
 */
export function checkDashboard(config: Configuration, customMetrics: readonly string[]): string[] {
  const dashboards = resourcesOfType(config, 'aws_cloudwatch_dashboard');
  if (dashboards.length === 0) return [`${where(config, config.root)}: no aws_cloudwatch_dashboard`];
  const violations: string[] = [];
  for (const { module, name, body } of dashboards) {
    const text = `${JSON.stringify(module.locals)} ${String(body.dashboard_body)}`;
    const needed = [
      'AWS/ApiGateway',
      'AWS/Lambda',
      'AWS/SQS',
      'AWS/SNS',
      'var.dlq_name',
      'var.metrics_namespace',
      ...customMetrics,
    ];
    for (const item of needed.filter((value) => !text.includes(value))) {
      violations.push(`${where(config, module, `aws_cloudwatch_dashboard.${name}`)}: does not show ${item}`);
    }
  }
  return violations;
}
