/**
 * CORS headers for a response. `allowedOrigin` is `*` or a comma-separated list of origins; with a
 * list, the request's origin is echoed when it is on the list (and caches are told it varies).
 */
export function corsHeaders(
  allowedOrigin: string,
  requestOrigin: string | undefined,
): Record<string, string> {
  const base = {
    'Access-Control-Allow-Methods': 'OPTIONS,POST',
    'Access-Control-Allow-Headers': 'Content-Type',
    // Lets a page on another origin read how long to wait after a 503.
    'Access-Control-Expose-Headers': 'Retry-After',
  };
  if (allowedOrigin === '*') return { ...base, 'Access-Control-Allow-Origin': '*' };
  const allowed = allowedOrigin.split(',').map((origin) => origin.trim());
  if (requestOrigin && allowed.includes(requestOrigin)) {
    return { ...base, 'Access-Control-Allow-Origin': requestOrigin, Vary: 'Origin' };
  }
  return { ...base, Vary: 'Origin' };
}
