import { signupRequestSchema, validateSignupRequest } from '@signup/schema';

// The API's answers, as signup-handler and API Gateway word them (packages/signup-handler/src/handler.ts).
// The integration test checks each documented example against the local runtime.
const ACCEPTED_MESSAGE = 'Signup received and queued';
const INVALID_MESSAGE = 'The signup request is invalid';
const MAX_BODY_BYTES = 10 * 1024;
const EXAMPLE_REQUEST_ID = '6d14671b-cc6c-47ed-b9f2-023156fd36ec';

/** A JSON value, as it appears in the document. */
export type Json = string | number | boolean | null | readonly Json[] | { readonly [key: string]: Json };

/** The OpenAPI 3.1 document of the signup API, as plain JSON. */
export type OpenApiDocument = { readonly openapi: '3.1.0' } & { readonly [key: string]: Json };

/** Requests the valid-request examples of the document; each is already normalized. */
export const VALID_REQUEST_EXAMPLES = {
  ada: { summary: 'A signup', value: { name: 'Ada Lovelace', email: 'ada@example.com' } },
  accents: {
    summary: 'Accents and any script are fine',
    value: { name: 'José Müller', email: 'jose@example.org' },
  },
} as const;

/**
 * Invalid requests whose `400` answers the document shows. The answers are computed with
 * `validateSignupRequest`, the validator signup-handler runs, so they cannot drift from it.
 */
export const INVALID_REQUEST_EXAMPLES = {
  invalidEmail: { summary: 'An invalid email address', value: { name: 'Ada Lovelace', email: 'ada@' } },
  missingFields: { summary: 'Missing fields', value: {} },
  emptyName: { summary: 'A name of only spaces', value: { name: '   ', email: 'ada@example.com' } },
  unknownField: {
    summary: 'A field the API does not accept',
    value: { name: 'Ada Lovelace', email: 'ada@example.com', role: 'admin' },
  },
} as const;

/** Keywords that Ajv or its plugins understand but JSON Schema 2020-12 does not define. */
const NON_STANDARD_KEYWORDS = new Set([
  '$id', // the schema's identity in the validator registry; inside the document it would rebase references
  'nullable',
  'discriminator',
  'errorMessage',
  'transform',
  'instanceof',
  'typeof',
  'regexp',
  'dynamicDefaults',
  'uniqueItemProperties',
  'allRequired',
  'anyRequired',
  'oneRequired',
  'prohibited',
  'patternRequired',
  'deepProperties',
  'deepRequired',
  'select',
  'selectCases',
  'selectDefault',
  'range',
  'exclusiveRange',
  'formatMinimum',
  'formatMaximum',
  'formatExclusiveMinimum',
  'formatExclusiveMaximum',
]);

const SCHEMA_MAP_KEYWORDS = new Set(['properties', 'patternProperties', '$defs', 'dependentSchemas']);
const SCHEMA_LIST_KEYWORDS = new Set(['allOf', 'anyOf', 'oneOf', 'prefixItems']);
const SCHEMA_KEYWORDS = new Set([
  'items',
  'additionalProperties',
  'not',
  'if',
  'then',
  'else',
  'contains',
  'propertyNames',
  'unevaluatedItems',
  'unevaluatedProperties',
]);

/**
 * Turns an Ajv schema into a JSON Schema 2020-12 schema an OpenAPI 3.1 document can embed: drops `$id`
 * and Ajv-only keywords at every level and keeps the rest (`format`, `maxLength`, `pattern`,
 * `additionalProperties`...) as it is.
 *
 * @example
 * const schema = toOpenApiSchema(signupRequestSchema); // signupRequestSchema without $id
 */
export function toOpenApiSchema(schema: unknown): Json {
  if (typeof schema !== 'object' || schema === null || Array.isArray(schema)) return schema as Json;
  const result: Record<string, Json> = {};
  for (const [keyword, value] of Object.entries(schema)) {
    if (NON_STANDARD_KEYWORDS.has(keyword)) continue;
    if (SCHEMA_MAP_KEYWORDS.has(keyword) && typeof value === 'object' && value !== null) {
      result[keyword] = Object.fromEntries(
        Object.entries(value).map(([name, subschema]) => [name, toOpenApiSchema(subschema)]),
      );
    } else if (SCHEMA_LIST_KEYWORDS.has(keyword) && Array.isArray(value)) {
      result[keyword] = value.map(toOpenApiSchema);
    } else if (SCHEMA_KEYWORDS.has(keyword)) {
      result[keyword] = toOpenApiSchema(value);
    } else {
      result[keyword] = value as Json;
    }
  }
  return result;
}

const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });
const header = (name: string) => ({ $ref: `#/components/headers/${name}` });
const json = (schema: Json, examples: Record<string, Json>) => ({
  'application/json': { schema, examples },
});

/** The headers every answer of signup-handler carries. */
const HANDLER_HEADERS = {
  'Access-Control-Allow-Origin': header('AccessControlAllowOrigin'),
  'Access-Control-Allow-Methods': header('AccessControlAllowMethods'),
  'Access-Control-Allow-Headers': header('AccessControlAllowHeaders'),
  Vary: header('Vary'),
  'x-amzn-RequestId': header('RequestId'),
};
const GATEWAY_HEADERS = { 'x-amzn-RequestId': header('RequestId'), 'x-amzn-ErrorType': header('ErrorType') };

function badRequestExamples(): Record<string, Json> {
  const examples: Record<string, Json> = {};
  for (const [name, { summary, value }] of Object.entries(INVALID_REQUEST_EXAMPLES)) {
    const result = validateSignupRequest(value);
    if (result.ok) throw new Error(`The invalid request example ${name} passes validation`);
    examples[name] = {
      summary,
      description: `The answer to \`${JSON.stringify(value)}\`.`,
      value: {
        message: INVALID_MESSAGE,
        errors: result.errors.map(({ field, message }) => ({ field, message })),
        requestId: EXAMPLE_REQUEST_ID,
      },
    };
  }
  const bodyError = (message: string) => ({
    message,
    errors: [{ field: 'body', message }],
    requestId: EXAMPLE_REQUEST_ID,
  });
  examples.invalidJson = {
    summary: 'A body that is not JSON',
    value: bodyError('The request body is not valid JSON'),
  };
  examples.missingBody = {
    summary: 'No body, or `null`',
    value: bodyError('A JSON body with name and email is required'),
  };
  return examples;
}

/**
 * Builds the OpenAPI 3.1 document of `POST /signup` and its CORS preflight from the schema package:
 * the request schema is `signupRequestSchema` (JSON Schema 2020-12) and the `400` examples are what
 * `validateSignupRequest` answers. `docs/openapi.json` is its output (`pnpm --filter @signup/client openapi`).
 *
 * @example
 * import { buildOpenApiDocument } from '@signup/client/openapi';
 *
 * const document = buildOpenApiDocument();
 * console.log(JSON.stringify(document, null, 2));
 */
export function buildOpenApiDocument(): OpenApiDocument {
  const requestExamples: Record<string, Json> = { ...VALID_REQUEST_EXAMPLES };
  return {
    openapi: '3.1.0',
    jsonSchemaDialect: 'https://json-schema.org/draft/2020-12/schema',
    info: {
      title: 'Signup API',
      version: '1.0.0',
      summary: 'Sign a person up: the request is validated, queued, and a welcome email follows.',
      description: [
        'The signup pipeline accepts `{ name, email }`, validates it against the shared schema',
        '(`@signup/schema`), puts it on an SQS queue and answers; a worker then publishes the welcome email.',
        '',
        "Every answer of the API is JSON. Answers of the function carry a `requestId` (API Gateway's",
        "request id, also in the logs, the queue message and the email) and CORS headers; API Gateway's own",
        'answers (`403`, `429`, `413` above 10 MB) carry only a `message` and no CORS headers, so a browser',
        'on another origin cannot read them.',
        '',
        'Generated from `packages/client/src/openapi.ts`; a typed client is `@signup/client`.',
      ].join('\n'),
      license: { name: 'MIT', identifier: 'MIT' },
    },
    servers: [
      {
        url: 'https://{restApiId}.execute-api.{region}.amazonaws.com/{stage}',
        description: 'AWS: `terraform output signup_url` without the trailing `/signup`',
        variables: {
          restApiId: { default: 'abc123defg', description: 'The REST API id' },
          region: { default: 'us-east-1', description: 'The AWS region' },
          stage: { default: 'prod', description: 'The stage (Terraform variable `api_stage_name`)' },
        },
      },
      { url: 'http://127.0.0.1:3000', description: 'The local runtime (`make dev`)' },
    ],
    paths: {
      '/signup': {
        post: {
          operationId: 'signUp',
          summary: 'Sign up',
          description: [
            'Validates the request and puts it on the signup queue. `200` means the signup is durably',
            'queued; the welcome email follows within seconds. `503` means it may not be queued: retry (a retry never sends a second email).',
          ].join('\n'),
          requestBody: {
            required: true,
            description: [
              "Strings are trimmed (and the email's domain lower-cased) before they are checked, so",
              '`" Ada "` is accepted as `"Ada"`. At most 10240 bytes.',
            ].join('\n'),
            content: json(ref('SignupRequest'), requestExamples),
          },
          responses: {
            '200': {
              description: 'The signup is on the queue.',
              headers: HANDLER_HEADERS,
              content: json(ref('SignupAccepted'), {
                queued: { value: { message: ACCEPTED_MESSAGE, requestId: EXAMPLE_REQUEST_ID } },
              }),
            },
            '400': {
              description: [
                'The request is invalid: a missing or `null` body, invalid JSON, not UTF-8, wrong types,',
                'unknown fields or invalid values. One `{ field, message }` per problem, in the shape',
                '`validateSignupRequest` of `@signup/schema` returns.',
              ].join('\n'),
              headers: HANDLER_HEADERS,
              content: json(ref('ValidationError'), badRequestExamples()),
            },
            '403': {
              description: [
                "API Gateway's answer for a path or method it does not route (a wrong base URL or stage).",
                'No CORS headers and no `requestId`.',
              ].join('\n'),
              headers: GATEWAY_HEADERS,
              content: json(ref('GatewayError'), {
                missingAuthenticationToken: { value: { message: 'Missing Authentication Token' } },
              }),
            },
            '413': {
              description: [
                `The body is over ${MAX_BODY_BYTES} bytes (the function's answer, with CORS headers and a`,
                "`requestId`), or over 10 MB (API Gateway's answer, without them).",
              ].join('\n'),
              headers: HANDLER_HEADERS,
              content: json(
                { anyOf: [ref('Error'), ref('GatewayError')] },
                {
                  tooLarge: {
                    value: {
                      message: `The request body must be at most ${MAX_BODY_BYTES} bytes`,
                      requestId: EXAMPLE_REQUEST_ID,
                    },
                  },
                },
              ),
            },
            '415': {
              description: 'A `Content-Type` other than JSON (`application/json` or `application/*+json`).',
              headers: HANDLER_HEADERS,
              content: json(ref('Error'), {
                unsupportedMediaType: {
                  value: { message: 'Content-Type must be application/json', requestId: EXAMPLE_REQUEST_ID },
                },
              }),
            },
            '429': {
              description: [
                'API Gateway throttled the request (stage throttling limits). Nothing was saved: retry later.',
                'No CORS headers and no `requestId`.',
              ].join('\n'),
              headers: GATEWAY_HEADERS,
              content: json(ref('GatewayError'), { throttled: { value: { message: 'Too Many Requests' } } }),
            },
            '503': {
              description:
                'The queue refused the signup or timed out. Nothing was saved: retry after `Retry-After`.',
              headers: { ...HANDLER_HEADERS, 'Retry-After': header('RetryAfter') },
              content: json(ref('Error'), {
                queueUnavailable: {
                  value: {
                    message: 'The signup could not be queued. Please try again.',
                    requestId: EXAMPLE_REQUEST_ID,
                  },
                },
              }),
            },
          },
        },
        options: {
          operationId: 'signUpPreflight',
          summary: 'CORS preflight',
          description: 'What a browser sends before a cross-origin `POST /signup` with a JSON body.',
          parameters: [
            {
              name: 'Origin',
              in: 'header',
              required: false,
              description: "The page's origin; echoed in `Access-Control-Allow-Origin` when it is allowed.",
              schema: { type: 'string' },
              example: 'https://www.example.com',
            },
            {
              name: 'Access-Control-Request-Method',
              in: 'header',
              required: false,
              schema: { type: 'string' },
              example: 'POST',
            },
          ],
          responses: {
            '204': {
              description: 'The CORS policy; no body.',
              headers: { ...HANDLER_HEADERS, 'Access-Control-Max-Age': header('AccessControlMaxAge') },
            },
          },
        },
      },
    },
    components: {
      schemas: {
        SignupRequest: toOpenApiSchema(signupRequestSchema),
        SignupAccepted: {
          type: 'object',
          properties: {
            message: { type: 'string', const: ACCEPTED_MESSAGE },
            requestId: ref('RequestId'),
          },
          required: ['message', 'requestId'],
        },
        FieldError: {
          type: 'object',
          description: 'A problem with one field, in words a form can show next to it.',
          properties: {
            field: {
              type: 'string',
              description:
                'The field (`name`, `email`, an unknown field), or `body` for the body as a whole.',
            },
            message: { type: 'string' },
          },
          required: ['field', 'message'],
        },
        ValidationError: {
          type: 'object',
          properties: {
            message: { type: 'string' },
            errors: { type: 'array', items: ref('FieldError'), minItems: 1 },
            requestId: ref('RequestId'),
          },
          required: ['message', 'errors', 'requestId'],
        },
        Error: {
          type: 'object',
          description: 'An answer of the function.',
          properties: { message: { type: 'string' }, requestId: ref('RequestId') },
          required: ['message', 'requestId'],
        },
        GatewayError: {
          type: 'object',
          description: 'An answer of API Gateway itself: the function did not run.',
          properties: { message: { type: 'string' } },
          required: ['message'],
        },
        RequestId: {
          type: 'string',
          description:
            "API Gateway's request id: the correlation id in the logs, the queue message and the email.",
          examples: [EXAMPLE_REQUEST_ID],
        },
      },
      headers: {
        AccessControlAllowOrigin: {
          description: [
            "`*` by default; with a list of allowed origins (`ALLOWED_ORIGIN`), the request's `Origin`",
            'when it is on the list, and absent otherwise.',
          ].join('\n'),
          schema: { type: 'string' },
          example: '*',
        },
        AccessControlAllowMethods: { required: true, schema: { type: 'string', const: 'OPTIONS,POST' } },
        AccessControlAllowHeaders: { required: true, schema: { type: 'string', const: 'Content-Type' } },
        AccessControlMaxAge: {
          required: true,
          description: 'Seconds a browser may cache the preflight.',
          schema: { type: 'string', const: '600' },
        },
        Vary: {
          description: '`Origin` when the allowed origins are a list.',
          schema: { type: 'string' },
          example: 'Origin',
        },
        RetryAfter: {
          required: true,
          description: 'Seconds to wait before retrying.',
          schema: { type: 'string', pattern: '^[0-9]+$' },
          example: '1',
        },
        RequestId: {
          description: "API Gateway's request id (`requestId` in the body of the function's answers).",
          schema: { type: 'string' },
        },
        ErrorType: {
          description: "API Gateway's error type, e.g. `MissingAuthenticationTokenException`.",
          schema: { type: 'string' },
        },
      },
    },
  };
}

/**
 * The document as JSON text (two-space indent; `pnpm openapi` then lets Biome format `docs/openapi.json`).
 *
 * @example
 * await writeFile('docs/openapi.json', renderOpenApiDocument());
 */
export function renderOpenApiDocument(document: OpenApiDocument = buildOpenApiDocument()): string {
  return `${JSON.stringify(document, null, 2)}\n`;
}
