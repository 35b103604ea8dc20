import { SendMessageCommand } from '@aws-sdk/client-sqs';
import { afterEach, describe, expect, it } from 'vitest';
import type { DeadLetter } from '../../src/index.js';
import { startTestPipeline, type TestPipeline } from '../helpers.js';

type DlqView = { depth: { visible: number; inFlight: number }; messages: DeadLetter[] };

describe('the local console endpoints', () => {
  let pipeline: TestPipeline;
  afterEach(async () => {
    await pipeline.stop();
  });

  it('serves the console page at /_local/ and /_local with a strict content security policy', async () => {
    // Prepare
    pipeline = await startTestPipeline();

    for (const path of ['/_local/', '/_local']) {
      // Act
      const response = await fetch(`${pipeline.url}${path}`);

      // Assess
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
      expect(response.headers.get('content-security-policy')).toBe(
        "default-src 'self'; style-src 'self' 'unsafe-inline'; script-src 'self' 'unsafe-inline'",
      );
      expect(await response.text()).toContain('<title>Signup pipeline · local console</title>');
    }
    expect(pipeline.recentRequests()).toEqual([]);
  });

  it('lists dead-lettered messages without taking them off the DLQ', async () => {
    // Prepare
    pipeline = await startTestPipeline();
    const signup = { version: 1, requestId: 'req-1', name: 'Ada', email: 'ada@example.com', submittedAt: '' };
    for (const body of [JSON.stringify(signup), 'not json']) {
      await pipeline.sqs.send(new SendMessageCommand({ QueueUrl: pipeline.dlqUrl, MessageBody: body }));
    }

    // Act
    const peek = async () => (await (await fetch(`${pipeline.url}/_local/dlq`)).json()) as DlqView;
    const first = await peek();
    const second = await peek();

    // Assess
    expect(second).toEqual(first);
    expect(first.depth).toEqual({ visible: 2, inFlight: 0 });
    expect(first.messages).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ requestId: 'req-1', name: 'Ada', email: 'ada@example.com' }),
        expect.objectContaining({ body: 'not json' }),
      ]),
    );
    expect((await pipeline.queueDepths()).dlq).toEqual({ visible: 2, inFlight: 0 });
  });

  it('shows and changes the injected faults, and refuses invalid ones', async () => {
    // Prepare
    pipeline = await startTestPipeline();
    const post = (body: string) => fetch(`${pipeline.url}/_local/faults`, { method: 'POST', body });

    // Act
    const changed = await post('{"snsFailureRate":0.5}');
    const invalid = await post('{"snsLatencyMs":-1}');
    const notJson = await post('{');

    // Assess
    expect(changed.status).toBe(200);
    expect(await changed.json()).toEqual({ snsFailureRate: 0.5, snsLatencyMs: 0, sqsSendFailureRate: 0 });
    expect(invalid.status).toBe(400);
    expect(await invalid.json()).toEqual({ errors: ['snsLatencyMs must be milliseconds from 0 to 60000'] });
    expect(notJson.status).toBe(400);
    expect(await (await fetch(`${pipeline.url}/_local/faults`)).json()).toEqual(pipeline.faults.options);
    expect(pipeline.faults.options.snsFailureRate).toBe(0.5);
  });
});
