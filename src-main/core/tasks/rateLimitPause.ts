/**
 * How long all requests wait after a 429. The server's Retry-After is obeyed within a floor and a
 * ceiling: `0`, a fraction or an HTTP date in the past (a server clock behind ours) must not turn
 * into a storm (one task once sent 298 requests in a second, all 429, spending the whole minute's
 * budget and starving the key checks), and a huge value must not stop the app for hours.
 */

/** Never less than this, nor less than the budget's spacing between two requests. */
export const MIN_RATE_LIMIT_PAUSE_MS = 1_000;
/** Never more than this, whatever the server asks. */
export const MAX_RATE_LIMIT_PAUSE_MS = 5 * 60_000;
/** When the API says 429 without a usable Retry-After. */
const DEFAULT_RATE_LIMIT_PAUSE_MS = 60_000;

/**
 * The pause after the `streak`-th 429 in a row (1 for the first): the floor doubles with each one,
 * so a server that keeps answering 429 with `Retry-After: 0` gets a handful of requests a minute.
 */
export function rateLimitPause(retryAfterMs: number | null, streak: number, budgetPerMinute: number): number {
  const spacing = 60_000 / Math.max(1, budgetPerMinute);
  const floor = Math.max(MIN_RATE_LIMIT_PAUSE_MS, spacing) * 2 ** Math.min(Math.max(0, streak - 1), 16);
  const asked = retryAfterMs === null || Number.isNaN(retryAfterMs) ? DEFAULT_RATE_LIMIT_PAUSE_MS : retryAfterMs;
  return Math.min(MAX_RATE_LIMIT_PAUSE_MS, Math.max(floor, asked));
}
