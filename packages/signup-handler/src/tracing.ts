import type { Tracer } from '@aws-lambda-powertools/tracer';

type TraceableClient = Parameters<Tracer['captureAWSv3Client']>[0];

/**
 * X-Ray tracing of the AWS SDK clients when `POWERTOOLS_TRACE_ENABLED` is `true`. The tracer is
 * imported only then, so a function without tracing does not pay for loading it.
 */
export async function enableTracing(
  env: Readonly<Record<string, string | undefined>>,
  clients: readonly TraceableClient[],
): Promise<void> {
  if (env.POWERTOOLS_TRACE_ENABLED !== 'true') return;
  const { Tracer } = await import('@aws-lambda-powertools/tracer');
  const tracer = new Tracer();
  for (const client of clients) tracer.captureAWSv3Client(client);
}
