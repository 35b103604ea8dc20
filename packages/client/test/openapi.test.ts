import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { signupRequestSchema, validateSignupRequest } from '@signup/schema';
import { describe, expect, it } from 'vitest';
import {
  buildOpenApiDocument,
  INVALID_REQUEST_EXAMPLES,
  renderOpenApiDocument,
  toOpenApiSchema,
  VALID_REQUEST_EXAMPLES,
} from '../src/openapi.js';

const COMMITTED_DOCUMENT = fileURLToPath(new URL('../../../docs/openapi.json', import.meta.url));

/** Every keyword JSON Schema 2020-12 defines (core, applicator, unevaluated, validation, meta-data, format, content). */
const JSON_SCHEMA_2020_12_KEYWORDS = new Set([
  ...[
    '$schema',
    '$id',
    '$ref',
    '$anchor',
    '$dynamicRef',
    '$dynamicAnchor',
    '$vocabulary',
    '$comment',
    '$defs',
  ],
  ...['prefixItems', 'items', 'contains', 'additionalProperties', 'properties', 'patternProperties'],
  ...['dependentSchemas', 'propertyNames', 'if', 'then', 'else', 'allOf', 'anyOf', 'oneOf', 'not'],
  ...['unevaluatedItems', 'unevaluatedProperties'],
  ...['type', 'const', 'enum', 'multipleOf', 'maximum', 'exclusiveMaximum', 'minimum', 'exclusiveMinimum'],
  ...[
    'maxLength',
    'minLength',
    'pattern',
    'maxItems',
    'minItems',
    'uniqueItems',
    'maxContains',
    'minContains',
  ],
  ...['maxProperties', 'minProperties', 'required', 'dependentRequired'],
  ...['title', 'description', 'default', 'deprecated', 'readOnly', 'writeOnly', 'examples'],
  ...['format', 'contentEncoding', 'contentMediaType', 'contentSchema'],
]);

type JsonObject = Record<string, unknown>;

function keywordsOf(schema: unknown): string[] {
  if (typeof schema !== 'object' || schema === null) return [];
  return Object.entries(schema as JsonObject).flatMap(([keyword, value]) => {
    if (['properties', 'patternProperties', '$defs', 'dependentSchemas'].includes(keyword)) {
      return [keyword, ...Object.values(value as JsonObject).flatMap(keywordsOf)];
    }
    if (Array.isArray(value)) return [keyword, ...value.flatMap(keywordsOf)];
    return [keyword, ...keywordsOf(value)];
  });
}

function refsOf(value: unknown): string[] {
  if (typeof value !== 'object' || value === null) return [];
  return Object.entries(value as JsonObject).flatMap(([key, child]) =>
    key === '$ref' && typeof child === 'string' ? [child] : refsOf(child),
  );
}

function resolvePointer(document: unknown, ref: string): unknown {
  return ref
    .replace(/^#\//, '')
    .split('/')
    .reduce<unknown>(
      (node, token) =>
        typeof node === 'object' && node !== null
          ? (node as JsonObject)[token.replace(/~1/g, '/')]
          : undefined,
      document,
    );
}

function at(document: unknown, path: string): JsonObject {
  const node = resolvePointer(document, `#/${path}`);
  if (typeof node !== 'object' || node === null) throw new Error(`Nothing at ${path}`);
  return node as JsonObject;
}

describe('buildOpenApiDocument', () => {
  it('matches the committed docs/openapi.json', async () => {
    // Prepare
    const generated = JSON.parse(renderOpenApiDocument());

    // Act
    const committed = JSON.parse(await readFile(COMMITTED_DOCUMENT, 'utf8'));

    // Assess
    expect(
      committed,
      'docs/openapi.json is out of date: run `pnpm --filter @signup/client openapi` and commit the result',
    ).toEqual(generated);
  });

  it('embeds signupRequestSchema as the request schema, without $id', () => {
    // Prepare
    const { $id: _id, ...expected } = signupRequestSchema;

    // Act
    const document = buildOpenApiDocument();

    // Assess
    expect(at(document, 'components/schemas/SignupRequest')).toEqual(expected);
    expect(at(document, 'paths/~1signup/post/requestBody/content/application~1json/schema')).toEqual({
      $ref: '#/components/schemas/SignupRequest',
    });
  });

  it('keeps the rules of the request schema that JSON Schema 2020-12 expresses', () => {
    // Prepare
    const document = buildOpenApiDocument();

    // Act
    const schema = at(document, 'components/schemas/SignupRequest');

    // Assess
    expect(schema).toMatchObject({
      additionalProperties: false,
      required: ['name', 'email'],
      properties: {
        name: { type: 'string', minLength: 1, maxLength: 100, pattern: '^[^\\p{Cc}\\p{Zl}\\p{Zp}]*$' },
        email: { type: 'string', minLength: 1, maxLength: 254, format: 'email' },
      },
    });
    expect(document.jsonSchemaDialect).toBe('https://json-schema.org/draft/2020-12/schema');
  });

  it('uses only JSON Schema 2020-12 keywords in every schema', () => {
    // Prepare
    const schemas = at(buildOpenApiDocument(), 'components/schemas');

    // Act
    const unknown = Object.values(schemas)
      .flatMap(keywordsOf)
      .filter((keyword) => !JSON_SCHEMA_2020_12_KEYWORDS.has(keyword));

    // Assess
    expect(unknown).toEqual([]);
  });

  it('documents request examples that validateSignupRequest accepts unchanged', () => {
    // Prepare
    const examples = at(
      buildOpenApiDocument(),
      'paths/~1signup/post/requestBody/content/application~1json/examples',
    );

    // Act
    const results = Object.values(examples).map((example) => {
      const { value } = example as { value: unknown };
      return { value, result: validateSignupRequest(value) };
    });

    // Assess
    expect(Object.keys(examples)).toEqual(Object.keys(VALID_REQUEST_EXAMPLES));
    for (const { value, result } of results) expect(result).toEqual({ ok: true, value });
  });

  it('documents as 400 examples what validateSignupRequest answers to the invalid examples', () => {
    // Prepare
    const examples = at(
      buildOpenApiDocument(),
      'paths/~1signup/post/responses/400/content/application~1json/examples',
    );

    // Act
    const documented = Object.entries(INVALID_REQUEST_EXAMPLES).map(([name, { value }]) => ({
      errors: (examples[name] as { value: { errors: unknown } }).value.errors,
      validation: validateSignupRequest(value),
    }));

    // Assess
    for (const { errors, validation } of documented) {
      expect(validation.ok).toBe(false);
      expect(validation.ok ? [] : validation.errors).toEqual(errors);
    }
  });

  it('documents every answer of POST /signup and of the CORS preflight, each JSON one with a schema and an example', () => {
    // Prepare
    const document = buildOpenApiDocument();

    // Act
    const post = at(document, 'paths/~1signup/post/responses');
    const preflight = at(document, 'paths/~1signup/options/responses');

    // Assess
    expect(Object.keys(post).sort()).toEqual(['200', '400', '403', '413', '415', '429', '503']);
    for (const [status, response] of Object.entries(post)) {
      const content = at(response, 'content/application~1json');
      expect(content.schema, `schema of ${status}`).toBeDefined();
      expect(Object.keys(content.examples as JsonObject).length, `examples of ${status}`).toBeGreaterThan(0);
    }
    expect(Object.keys(at(post, '503/headers'))).toContain('Retry-After');
    expect(Object.keys(preflight)).toEqual(['204']);
    expect(Object.keys(at(preflight, '204/headers'))).toEqual(
      expect.arrayContaining([
        'Access-Control-Allow-Origin',
        'Access-Control-Allow-Methods',
        'Access-Control-Allow-Headers',
        'Access-Control-Max-Age',
      ]),
    );
  });

  it('resolves every $ref inside the document', () => {
    // Prepare
    const document = buildOpenApiDocument();

    // Act
    const dangling = refsOf(document).filter((ref) => resolvePointer(document, ref) === undefined);

    // Assess
    expect(refsOf(document).length).toBeGreaterThan(10);
    expect(dangling).toEqual([]);
  });
});

describe('toOpenApiSchema', () => {
  it('drops $id and Ajv-only keywords at every level but keeps properties of those names', () => {
    // Prepare
    const ajvSchema = {
      $id: 'https://example.com/x.json',
      type: 'object',
      nullable: true,
      properties: {
        nullable: { type: 'boolean', nullable: true },
        tags: { type: 'array', items: { type: 'string', transform: ['trim'], format: 'email' } },
      },
      anyOf: [{ required: ['nullable'], errorMessage: 'x' }],
      additionalProperties: false,
    };

    // Act
    const schema = toOpenApiSchema(ajvSchema);

    // Assess
    expect(schema).toEqual({
      type: 'object',
      properties: {
        nullable: { type: 'boolean' },
        tags: { type: 'array', items: { type: 'string', format: 'email' } },
      },
      anyOf: [{ required: ['nullable'] }],
      additionalProperties: false,
    });
  });
});
