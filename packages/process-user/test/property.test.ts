import { parseSignupMessage } from '@signup/schema';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createHandler } from '../src/handler.js';
import { eventWithBodies, fakePublisher, lambdaContext, recordingLog } from './support.js';

// Bounded and reproducible: on failure fast-check reports the seed and the shrunk counterexample.
const RUNS = { numRuns: 300 };
/** Generous, so a loaded CI machine does not turn a slow run into a failure. */
const PROPERTY_TIMEOUT_MS = 60_000;

const SUBJECT = 'Welcome to Our Platform';
const greeting = (name: string) => `Hello ${name}, welcome to our platform!`;

// ---------------------------------------------------------------------------------------------
// Arbitraries: each record body comes with what the handler must make of it.
// ---------------------------------------------------------------------------------------------

/** `[` and `]` are left out: the suffix `[r<n>]` makes every valid record's name unique in its batch. */
const NAME_CHARS = [...'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ -\'.,:;éüßøñ李小龍😀<>&"/=()'];
const nameBase = fc.string({ unit: fc.constantFrom(...NAME_CHARS), minLength: 0, maxLength: 80 });
const htmlName = fc.constantFrom(
  '<script>alert(1)</script>',
  '<b>Ada</b>',
  '<img src=x onerror=alert(1)>',
  'Subject: Free money',
  '"><a href="https://evil.example">',
);
const localPart = fc.stringMatching(/^[a-zA-Z0-9]{1,10}(\.[a-zA-Z0-9]{1,10}){0,2}$/);
const email = fc
  .tuple(localPart, fc.constantFrom('example.com', 'Example.ORG', 'mail.example.net'))
  .map(([local, domain]) => `${local}@${domain}`);
const CONTROL = fc.constantFrom(
  '\r',
  '\n',
  '\r\n',
  '\t',
  '\u0000',
  '\u0007',
  '\u001b',
  '\u007f',
  '\u0085',
  '\u2028',
  '\u2029',
);

/** Plain data, so that fast-check prints a readable counterexample. */
type Draft =
  | {
      readonly kind: 'valid';
      readonly shape: 'v1' | 'legacy';
      readonly base: string;
      readonly email: string;
      readonly requestId: string;
      readonly at: number;
      readonly pad: string;
    }
  | { readonly kind: 'invalid'; readonly body: string }
  | { readonly kind: 'random'; readonly body: string };

const validDraft: fc.Arbitrary<Draft> = fc.record({
  kind: fc.constant('valid' as const),
  shape: fc.constantFrom('v1' as const, 'legacy' as const),
  base: fc.oneof(nameBase, htmlName),
  email,
  requestId: fc.uuid(),
  at: fc.integer({ min: 0, max: 4e12 }),
  pad: fc.constantFrom('', ' ', '\n', ' \r\n '),
});

/** The body of a valid draft, and the name the email must greet: unique in the batch thanks to `suffix`. */
function buildValid(
  draft: Extract<Draft, { kind: 'valid' }>,
  suffix: string,
): { body: string; name: string } {
  const name = `${draft.base} ${suffix}`.trim();
  if (draft.shape === 'v1') {
    const submittedAt = new Date(draft.at).toISOString();
    return {
      name,
      body: JSON.stringify({ version: 1, requestId: draft.requestId, name, email: draft.email, submittedAt }),
    };
  }
  // White space (line breaks too) around the name is trimmed away by the schema.
  return { name, body: JSON.stringify({ name: `${draft.pad}${name}${draft.pad}`, email: draft.email }) };
}
const controlCharName: fc.Arbitrary<Draft> = fc
  .record({ before: nameBase, control: CONTROL, after: nameBase, email, legacy: fc.boolean() })
  .map(({ before, control, after, email, legacy }) => {
    // Letters on both sides, so trimming cannot remove the control character.
    const name = `A${before}${control}${after}Z`;
    const message = legacy
      ? { name, email }
      : { version: 1, requestId: 'r-1', name, email, submittedAt: '2026-12-03T16:20:00.000Z' };
    return { kind: 'invalid', body: JSON.stringify(message) };
  });
const tooLongName: fc.Arbitrary<Draft> = fc
  .tuple(fc.integer({ min: 101, max: 20_000 }), email)
  .map(([length, email]) => ({ kind: 'invalid', body: JSON.stringify({ name: 'A'.repeat(length), email }) }));
const knownInvalid: fc.Arbitrary<Draft> = fc
  .constantFrom(
    '',
    'not json',
    'null',
    '[]',
    '{}',
    '{"name":"Siddu"}',
    '{"name":"Siddu","email":"siddu"}',
    '{"name":"","email":"siddu@example.com"}',
    '{"version":2,"requestId":"r","name":"Siddu","email":"siddu@example.com","submittedAt":"2026-12-03T16:20:00.000Z"}',
    '{"version":1,"name":"Siddu","email":"siddu@example.com","submittedAt":"2026-12-03T16:20:00.000Z"}',
    '{"name":"Siddu","email":"siddu@example.com"',
  )
  .map((body) => ({ kind: 'invalid', body }));
const randomBody: fc.Arbitrary<Draft> = fc
  .oneof(
    fc.string({ unit: 'binary', maxLength: 200 }),
    fc.json(),
    fc.jsonValue().map((value) => JSON.stringify(value) ?? ''),
  )
  .map((body) => ({ kind: 'random', body }));

const draft = fc.oneof(
  { weight: 6, arbitrary: validDraft },
  { weight: 2, arbitrary: controlCharName },
  tooLongName,
  knownInvalid,
  randomBody,
);

/** 1 to 10 records, and for each whether the fake publisher fails it. */
const batch = fc.array(fc.record({ draft, publishFails: fc.boolean() }), { minLength: 1, maxLength: 10 });

interface Planned {
  readonly messageId: string;
  readonly body: string;
  /** The name the email must greet, for a record that must be published; undefined for an invalid one. */
  readonly name: string | undefined;
  readonly publishFails: boolean;
}

/** The greeting's name for a random body that happens to be a valid message (as the schema decides). */
function nameIfValid(body: string): string | undefined {
  try {
    const parsed = parseSignupMessage(JSON.parse(body));
    return parsed.ok ? parsed.value.name : undefined;
  } catch {
    return undefined;
  }
}

function plan(records: readonly { draft: Draft; publishFails: boolean }[]): Planned[] {
  return records.map(({ draft, publishFails }, index) => {
    const messageId = `message-${index + 1}`;
    if (draft.kind === 'valid') {
      const { name, body } = buildValid(draft, `[r${index}]`);
      return { messageId, body, name, publishFails };
    }
    return {
      messageId,
      body: draft.body,
      name: draft.kind === 'random' ? nameIfValid(draft.body) : undefined,
      publishFails,
    };
  });
}

const LINE_BREAK_OR_CONTROL = /[\p{Cc}\p{Zl}\p{Zp}]/u;

describe('process-user handler, for arbitrary SQS batches', () => {
  it(
    'never throws, reports exactly the invalid and failed records, and publishes every other one once',
    async () => {
      await fc.assert(
        fc.asyncProperty(batch, fc.integer({ min: 1, max: 10 }), async (records, publishConcurrency) => {
          // Prepare
          const planned = plan(records);
          const failing = new Set(
            planned
              .filter((record) => record.publishFails && record.name !== undefined)
              .map((r) => greeting(r.name ?? '')),
          );
          const publisher = fakePublisher((email) => failing.has(email.message));
          const handler = createHandler({ publisher, log: recordingLog(), publishConcurrency });
          const event = eventWithBodies(planned.map((record) => record.body));

          // Act
          const response = await handler(event, lambdaContext());

          // Assess
          const expectedFailures = planned
            .filter((record) => record.name === undefined || record.publishFails)
            .map((record) => record.messageId);
          expect(response.batchItemFailures.map((failure) => failure.itemIdentifier)).toEqual(
            expectedFailures,
          );

          const expectedMessages = planned
            .filter((record) => record.name !== undefined && !record.publishFails)
            .map((record) => greeting(record.name ?? ''));
          expect(publisher.sent.map((email) => email.message).sort()).toEqual(expectedMessages.sort());

          for (const email of publisher.sent) {
            expect(email.subject).toBe(SUBJECT);
            expect(email.message).toMatch(/^Hello .+, welcome to our platform!$/u);
            expect(email.message).not.toMatch(LINE_BREAK_OR_CONTROL);
          }
        }),
        RUNS,
      );
    },
    PROPERTY_TIMEOUT_MS,
  );

  it(
    'never throws for an SQS-shaped event, whatever its records carry',
    async () => {
      const record = fc.record(
        {
          messageId: fc.oneof(fc.uuid(), fc.string({ maxLength: 20 })),
          body: fc.oneof(fc.string({ unit: 'binary', maxLength: 300 }), fc.json()),
          attributes: fc.oneof(
            fc.constant(undefined),
            fc.dictionary(fc.string(), fc.string(), { maxKeys: 3 }),
          ),
        },
        { requiredKeys: ['body'] },
      );
      await fc.assert(
        fc.asyncProperty(
          fc.array(record, { minLength: 0, maxLength: 10 }),
          fc.boolean(),
          async (records, fails) => {
            // Prepare
            const publisher = fakePublisher(() => fails);
            const handler = createHandler({ publisher, log: recordingLog(), publishConcurrency: 10 });

            // Act
            const response = await handler({ Records: records }, lambdaContext());

            // Assess
            expect(response.batchItemFailures.length + publisher.sent.length).toBe(records.length);
            for (const failure of response.batchItemFailures)
              expect(typeof failure.itemIdentifier).toBe('string');
          },
        ),
        RUNS,
      );
    },
    PROPERTY_TIMEOUT_MS,
  );
});

describe('process-user handler, for hostile names', () => {
  async function welcome(name: string) {
    const publisher = fakePublisher();
    const handler = createHandler({ publisher, log: recordingLog(), publishConcurrency: 10 });
    const response = await handler(
      eventWithBodies([JSON.stringify({ name, email: 'siddu@example.com' })]),
      lambdaContext(),
    );
    return { response, publisher };
  }

  it.each([
    ['a CR/LF header injection', 'Siddu\r\nBcc: victim@example.com'],
    ['a bare line feed', 'Sid\ndu'],
    ['a bare carriage return', 'Sid\rdu'],
    ['a tab', 'Sid\tdu'],
    ['a NUL character', 'Sid\u0000du'],
    ['an ANSI escape', 'Sid\u001b[31mdu'],
    ['DEL', 'Sid\u007fdu'],
    ['a next-line (NEL) character', 'Sid\u0085du'],
    ['a Unicode line separator', 'Sid\u2028du'],
    ['a Unicode paragraph separator', 'Sid\u2029du'],
    ['a name over 100 characters', 'A'.repeat(101)],
    ['a very long name', 'A'.repeat(100_000)],
  ])('does not publish a name with %s, and reports the record as failed', async (_case, name) => {
    // Act
    const { response, publisher } = await welcome(name);

    // Assess
    expect(response.batchItemFailures).toEqual([{ itemIdentifier: 'message-1' }]);
    expect(publisher.sent).toEqual([]);
  });

  it.each([
    ['HTML', '<script>alert(1)</script>'],
    ['an HTML attribute break-out', '"><img src=x onerror=alert(1)>'],
    ['what looks like a header', 'Subject: Free money'],
    ['exactly 100 characters', 'A'.repeat(100)],
  ])('publishes a name with %s as plain text, with the subject unchanged', async (_case, name) => {
    // Act
    const { response, publisher } = await welcome(name);

    // Assess
    expect(response).toEqual({ batchItemFailures: [] });
    expect(publisher.sent).toEqual([{ subject: SUBJECT, message: greeting(name), requestId: undefined }]);
  });

  it('trims line breaks around a name, so they never reach the email', async () => {
    // Act
    const { response, publisher } = await welcome('\r\n Siddu \n');

    // Assess
    expect(response).toEqual({ batchItemFailures: [] });
    expect(publisher.sent.map((email) => email.message)).toEqual([greeting('Siddu')]);
  });
});
