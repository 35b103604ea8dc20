import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestPipeline, type TestPipeline, waitFor } from '../helpers.js';

// The X-Ray tracer is CommonJS inside ESM bundles: it needs the bundles' createRequire banner.
describe('the bundles with X-Ray tracing switched on', () => {
  let pipeline: TestPipeline;
  beforeAll(async () => {
    pipeline = await startTestPipeline({ functionEnvironment: { POWERTOOLS_TRACE_ENABLED: 'true' } });
  });
  afterAll(async () => {
    await pipeline.stop();
  });

  it('load the tracer and still carry a signup to the outbox', async () => {
    // Act
    const response = await pipeline.signUp({ name: 'Traced Ada', email: 'traced.ada@example.com' });
    const email = await waitFor(
      () => pipeline.outbox.list().find((entry) => entry.requestId === response.body.requestId),
      { what: 'the traced signup email' },
    );

    // Assess
    expect(response.status).toBe(200);
    expect(email.message).toBe('Hello Traced Ada, welcome to our platform!');
    expect(pipeline.logLines.join('\n')).not.toMatch(/Dynamic require|is not supported/);
  });
});
