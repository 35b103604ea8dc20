/** A problem with one field of an input, in words a client can show next to that form field. */
export interface FieldError {
  /** The field's name (`name`, `email`), or `body` when the input as a whole is wrong. */
  readonly field: string;
  readonly message: string;
}

/** The outcome of parsing untrusted input: the normalized value, or every problem found. */
export type ParseResult<T> =
  | { readonly ok: true; readonly value: T }
  | { readonly ok: false; readonly errors: readonly FieldError[] };
