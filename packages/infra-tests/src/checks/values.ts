import { EvaluationError, evaluate, type Value } from '../evaluate';
import { expressionOf, type HclValue, type TfModule } from '../hcl';

/**
 * Evaluates a value of a module with some of its variables set (the others take their defaults), following
 * `local.*` references. Throws EvaluationError outside the evaluator's subset.
 */
export function evaluateIn(
  module: TfModule,
  value: HclValue | undefined,
  variables: Readonly<Record<string, Value>>,
): Value {
  const seen = new Set<string>();
  const resolve = (reference: string): Value => {
    const [kind, name] = reference.split('.');
    if (kind === 'var' && name !== undefined) {
      if (name in variables) return variables[name] ?? null;
      const declared = module.variables[name];
      if (!declared || !('default' in declared)) throw new EvaluationError(`var.${name} has no value`);
      return toValue(declared.default);
    }
    if (kind === 'local' && name !== undefined && name in module.locals) {
      if (seen.has(name)) throw new EvaluationError(`local.${name} refers to itself`);
      seen.add(name);
      const result = toValue(module.locals[name]);
      seen.delete(name);
      return result;
    }
    throw new EvaluationError(`cannot resolve ${reference}`);
  };
  const toValue = (item: HclValue | undefined): Value => {
    if (item === undefined) throw new EvaluationError('no value');
    if (typeof item === 'number' || typeof item === 'boolean' || item === null) return item;
    if (typeof item === 'string') {
      const expression = expressionOf(item);
      if (expression !== undefined) return evaluate(expression, resolve);
      if (item.includes('${')) throw new EvaluationError(`template "${item}"`);
      return item;
    }
    throw new EvaluationError('collections are not supported');
  };
  return toValue(value);
}

/** Whether every `validation` of a variable accepts a value (a condition the evaluator cannot read counts as accepted). */
export function acceptedByValidations(module: TfModule, name: string, value: Value): boolean {
  const declared = module.variables[name];
  const validations = Array.isArray(declared?.validation) ? declared.validation : [];
  return validations.every((validation) => {
    if (typeof validation !== 'object' || validation === null || Array.isArray(validation)) return true;
    try {
      return evaluateIn(module, validation.condition, { [name]: value }) !== false;
    } catch {
      return true;
    }
  });
}
