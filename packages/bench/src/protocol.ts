/** The line prefix a cold-start child prints its JSON result after (its stdout also carries the function's logs). */
export const RESULT_MARKER = 'BENCH_RESULT ';

export interface ColdStartChildResult {
  /** performance.now() when the child's script began: Node's own start-up. */
  readonly scriptStartMs: number;
  /** performance.now() once the bundle was imported (the function's init). */
  readonly importedMs: number;
  /** performance.now() once the first event was answered. */
  readonly firstResponseMs: number;
  readonly warm?: { readonly count: number; readonly medianMs: number; readonly p99Ms: number };
}
