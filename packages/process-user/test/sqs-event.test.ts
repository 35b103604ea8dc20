import { describe, expect, it } from 'vitest';
import { readSqsRecords } from '../src/sqs-event.js';
import { customerMinimalEvent, sqsBatchEvent } from './support.js';

describe('readSqsRecords', () => {
  it('reads every record of an SQS batch, in order', () => {
    // Prepare
    const event = sqsBatchEvent();

    // Act
    const read = readSqsRecords(event);

    // Assess
    expect(read.kind).toBe('sqs');
    expect(read.kind === 'sqs' && read.records.map((record) => record.messageId)).toEqual(
      event.Records.map((record) => record.messageId),
    );
  });

  it("reads the customer's minimal event whose record has only a body", () => {
    // Act
    const read = readSqsRecords(customerMinimalEvent());

    // Assess
    expect(read).toEqual({
      kind: 'sqs',
      records: [{ body: '{"name": "Siddu", "email": "siddu@example.com"}' }],
    });
  });

  it('reads an empty batch as no records', () => {
    // Act
    const read = readSqsRecords({ Records: [] });

    // Assess
    expect(read).toEqual({ kind: 'sqs', records: [] });
  });

  it.each([
    ['an API Gateway event', { httpMethod: 'POST', body: '{}' }, 'an API Gateway event'],
    ['a bare signup body', { name: 'Siddu', email: 'siddu@example.com' }, 'a bare signup body'],
    ['null', null, 'got null'],
    ['a string', 'hello', 'got string'],
    ['an object without Records', { records: [] }, 'keys records'],
  ])('explains that %s is not an SQS event', (_case, event, got) => {
    // Act
    const read = readSqsRecords(event);

    // Assess
    expect(read.kind).toBe('not-sqs');
    expect(read.kind === 'not-sqs' && read.diagnosis).toContain(got);
    expect(read.kind === 'not-sqs' && read.diagnosis).toContain('Records');
  });

  it('names the record that has no string body', () => {
    // Act
    const read = readSqsRecords({ Records: [{ body: '{}' }, { messageId: 'm-2', body: { name: 'Siddu' } }] });

    // Assess
    expect(read.kind).toBe('not-sqs');
    expect(read.kind === 'not-sqs' && read.diagnosis).toContain('Records[1]');
  });
});
