import type { FieldError } from './result.js';

/** The part of an Ajv error object that the precompiled validators produce and we read. */
export interface ValidatorError {
  readonly instancePath: string;
  readonly keyword: string;
  readonly params: Readonly<Record<string, unknown>>;
  readonly message?: string;
}

const BODY = 'body';

/** Turns validator errors into one clear message per problem, keyed by the field a form shows it on. */
export function toFieldErrors(errors: readonly ValidatorError[] | null | undefined): FieldError[] {
  const fieldErrors = (errors ?? []).map(describe);
  const unique = new Map(fieldErrors.map((error) => [`${error.field}\u0000${error.message}`, error]));
  return [...unique.values()];
}

function describe(error: ValidatorError): FieldError {
  const field = error.instancePath.split('/').filter(Boolean).join('.') || BODY;
  const { params } = error;
  switch (error.keyword) {
    case 'required': {
      const missing = String(params.missingProperty);
      return { field: missing, message: `${missing} is required` };
    }
    case 'additionalProperties': {
      const extra = String(params.additionalProperty);
      return { field: extra, message: `${extra} is not an accepted field` };
    }
    case 'type':
      return field === BODY
        ? { field, message: 'The request body must be a JSON object' }
        : { field, message: `${field} must be a ${String(params.type)}` };
    case 'minLength':
      return { field, message: `${field} must not be empty` };
    case 'maxLength':
      return { field, message: `${field} must be at most ${String(params.limit)} characters` };
    case 'pattern':
      return { field, message: `${field} must not contain control characters or line breaks` };
    case 'format':
      return params.format === 'email'
        ? { field, message: `${field} must be a valid email address` }
        : { field, message: `${field} must be a valid ${String(params.format)}` };
    case 'const':
      return { field, message: `${field} must be ${JSON.stringify(params.allowedValue)}` };
    default:
      return { field, message: `${field} ${error.message ?? 'is invalid'}` };
  }
}
