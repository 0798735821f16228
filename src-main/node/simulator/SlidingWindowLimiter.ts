/**
 * The simulator's rate limit: at most `limit` requests per key in any sliding window of
 * `windowMs`. The docs give only `rate_limit_per_minute` (no window kind, no 429); a sliding
 * window is the strictest reading, so a client that stays under it stays under a fixed one too.
 */
type LimitDecision = { ok: true } | { ok: false; retryAfterSeconds: number };

export class SlidingWindowLimiter {
  readonly #hits = new Map<string, number[]>();
  readonly #limit: number;
  readonly #windowMs: number;
  readonly #now: () => number;

  constructor(limit: number, windowMs: number, now: () => number) {
    this.#limit = limit;
    this.#windowMs = windowMs;
    this.#now = now;
  }

  /** Counts the request if it is allowed; a refused request does not use up the window. */
  take(key: string): LimitDecision {
    const now = this.#now();
    const hits = (this.#hits.get(key) ?? []).filter((at) => at > now - this.#windowMs);
    this.#hits.set(key, hits);
    if (hits.length >= this.#limit) {
      const oldest = hits[0] ?? now;
      return { ok: false, retryAfterSeconds: Math.max(1, Math.ceil((oldest + this.#windowMs - now) / 1000)) };
    }
    hits.push(now);
    return { ok: true };
  }

  forget(key: string): void {
    this.#hits.delete(key);
  }
}

/** The most timestamps that fall within any window of `windowMs` (sorted or not). */
export function maxInAnyWindow(times: readonly number[], windowMs: number): number {
  const sorted = [...times].sort((a, b) => a - b);
  let best = 0;
  let start = 0;
  for (let end = 0; end < sorted.length; end++) {
    while (sorted[end]! - sorted[start]! >= windowMs) start++;
    best = Math.max(best, end - start + 1);
  }
  return best;
}
