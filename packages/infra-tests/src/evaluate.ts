/** A value the evaluator computes. */
export type Value = number | string | boolean | null;

/** Raised for syntax or functions outside the small subset the evaluator knows. */
export class EvaluationError extends Error {
  override readonly name = 'EvaluationError';
}

/** Resolves a reference such as `var.x` or `local.y` to its value. */
export type Resolve = (reference: string) => Value;

const FUNCTIONS: Record<string, (args: Value[]) => Value> = {
  max: (args) => Math.max(...args.map(asNumber)),
  min: (args) => Math.min(...args.map(asNumber)),
  floor: (args) => Math.floor(asNumber(args[0] ?? null)),
  ceil: (args) => Math.ceil(asNumber(args[0] ?? null)),
  abs: (args) => Math.abs(asNumber(args[0] ?? null)),
  coalesce: (args) => {
    const found = args.find((arg) => arg !== null && arg !== '');
    if (found === undefined) throw new EvaluationError('coalesce: no non-null argument');
    return found;
  },
};

function asNumber(value: Value): number {
  if (typeof value === 'number') return value;
  if (typeof value === 'string' && value.trim() !== '' && !Number.isNaN(Number(value))) return Number(value);
  throw new EvaluationError(`expected a number, got ${JSON.stringify(value)}`);
}

function asBoolean(value: Value): boolean {
  if (typeof value === 'boolean') return value;
  throw new EvaluationError(`expected a bool, got ${JSON.stringify(value)}`);
}

const TOKEN =
  /\s*(?:(\d+(?:\.\d+)?)|("(?:[^"\\]|\\.)*")|([A-Za-z_][A-Za-z0-9_-]*(?:\.[A-Za-z_][A-Za-z0-9_-]*)*)|(==|!=|>=|<=|&&|\|\||[-+*/%<>!?:(),]))/y;

function tokenize(source: string): string[] {
  const tokens: string[] = [];
  TOKEN.lastIndex = 0;
  while (TOKEN.lastIndex < source.length) {
    if (/^\s*$/.test(source.slice(TOKEN.lastIndex))) break;
    const start = TOKEN.lastIndex;
    const match = TOKEN.exec(source);
    if (!match) throw new EvaluationError(`cannot read "${source.slice(start)}"`);
    tokens.push(match.slice(1).find((group) => group !== undefined) ?? '');
  }
  return tokens;
}

/**
 * Evaluates a Terraform expression of the arithmetic subset the timing rule uses: numbers, strings, bools,
 * null, references, `+ - * / %`, comparisons, `&& || !`, `? :`, parentheses and max/min/floor/ceil/abs/coalesce.
 *
 * @example
 * evaluate('6 * var.t + var.w', (ref) => ({ 'var.t': 10, 'var.w': 0 })[ref] ?? null); // 60
 */
export function evaluate(source: string, resolve: Resolve): Value {
  const tokens = tokenize(source);
  let position = 0;
  const peek = (): string | undefined => tokens[position];
  const take = (expected?: string): string => {
    const token = tokens[position];
    if (token === undefined || (expected !== undefined && token !== expected)) {
      throw new EvaluationError(`expected ${expected ?? 'a token'} at "${tokens.slice(position).join(' ')}"`);
    }
    position += 1;
    return token;
  };

  const conditional = (): Value => {
    const test = or();
    if (peek() !== '?') return test;
    take('?');
    const whenTrue = conditional();
    take(':');
    const whenFalse = conditional();
    return asBoolean(test) ? whenTrue : whenFalse;
  };
  const binary = (
    next: () => Value,
    operators: string[],
    apply: (op: string, a: Value, b: Value) => Value,
  ) => {
    return (): Value => {
      let left = next();
      for (let op = peek(); op !== undefined && operators.includes(op); op = peek()) {
        take();
        left = apply(op, left, next());
      }
      return left;
    };
  };
  const unary = (): Value => {
    if (peek() === '!') {
      take();
      return !asBoolean(unary());
    }
    if (peek() === '-') {
      take();
      return -asNumber(unary());
    }
    return primary();
  };
  const multiplicative = binary(unary, ['*', '/', '%'], (op, a, b) => {
    const [x, y] = [asNumber(a), asNumber(b)];
    return op === '*' ? x * y : op === '/' ? x / y : x % y;
  });
  const additive = binary(multiplicative, ['+', '-'], (op, a, b) =>
    op === '+' ? asNumber(a) + asNumber(b) : asNumber(a) - asNumber(b),
  );
  const comparison = binary(additive, ['<', '<=', '>', '>='], (op, a, b) => {
    const [x, y] = [asNumber(a), asNumber(b)];
    return op === '<' ? x < y : op === '<=' ? x <= y : op === '>' ? x > y : x >= y;
  });
  const equality = binary(comparison, ['==', '!='], (op, a, b) => (op === '==' ? a === b : a !== b));
  const and = binary(equality, ['&&'], (_op, a, b) => asBoolean(a) && asBoolean(b));
  const or = binary(and, ['||'], (_op, a, b) => asBoolean(a) || asBoolean(b));

  function primary(): Value {
    const token = take();
    if (token === '(') {
      const value = conditional();
      take(')');
      return value;
    }
    if (/^\d/.test(token)) return Number(token);
    if (token.startsWith('"')) return JSON.parse(token) as string;
    if (token === 'true' || token === 'false') return token === 'true';
    if (token === 'null') return null;
    if (peek() === '(') {
      const fn = FUNCTIONS[token];
      if (!fn) throw new EvaluationError(`unsupported function ${token}()`);
      take('(');
      const args: Value[] = [];
      while (peek() !== ')') {
        args.push(conditional());
        if (peek() === ',') take(',');
      }
      take(')');
      return fn(args);
    }
    if (/^[A-Za-z_]/.test(token)) return resolve(token);
    throw new EvaluationError(`unexpected "${token}"`);
  }

  const value = conditional();
  if (position !== tokens.length)
    throw new EvaluationError(`unexpected "${tokens.slice(position).join(' ')}"`);
  return value;
}
