import { type Configuration, expressionOf, resourcesOfType, where } from '../hcl';

/** A metric an alarm must watch. */
export interface ExpectedAlarm {
  readonly namespace: string;
  readonly metric: string;
  /** How many alarms on this metric (for example Errors of each function); 1 when omitted. */
  readonly count?: number;
}

const TREAT_MISSING_DATA = ['breaching', 'notBreaching', 'ignore', 'missing'];

/**
 * Every alarm states its `treat_missing_data` explicitly and notifies someone (alarm_actions), and every
 * expected metric has its alarm(s). Alarms with `for_each` count once per key of a literal map.
 *
 * @example
 * checkAlarms(config, [{ namespace: 'AWS/SQS', metric: 'ApproximateNumberOfMessagesVisible' }]);
 */
export function checkAlarms(config: Configuration, expected: readonly ExpectedAlarm[]): string[] {
  const violations: string[] = [];
  const found = new Map<string, number>();
  for (const { module, name, body } of resourcesOfType(config, 'aws_cloudwatch_metric_alarm')) {
    const at = where(config, module, `aws_cloudwatch_metric_alarm.${name}`);
    if (body.treat_missing_data === undefined) {
      violations.push(`${at}: treat_missing_data must be set on purpose`);
    } else if (!TREAT_MISSING_DATA.includes(String(body.treat_missing_data))) {
      violations.push(`${at}: treat_missing_data must be one of ${TREAT_MISSING_DATA.join(', ')}`);
    }
    if (
      body.alarm_actions === undefined ||
      (Array.isArray(body.alarm_actions) && body.alarm_actions.length === 0)
    ) {
      violations.push(`${at}: no alarm_actions: nobody would be told`);
    }
    const forEach = body.for_each;
    const instances =
      typeof forEach === 'object' && forEach !== null && !Array.isArray(forEach)
        ? Object.keys(forEach).length
        : Array.isArray(forEach)
          ? forEach.length
          : expressionOf(forEach) === undefined
            ? 1
            : 0;
    const key = `${body.namespace}/${body.metric_name}`;
    found.set(key, (found.get(key) ?? 0) + instances);
  }
  for (const alarm of expected) {
    const key = `${alarm.namespace}/${alarm.metric}`;
    const have = found.get(key) ?? 0;
    if (have < (alarm.count ?? 1)) {
      violations.push(
        `${where(config, config.root)}: expected ${alarm.count ?? 1} alarm(s) on ${key}, found ${have}`,
      );
    }
  }
  return violations;
}
