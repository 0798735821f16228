import { maxInAnyWindow } from './SlidingWindowLimiter.ts';
import type { RequestRoute, SimulatorStats } from './SimulatorOptions.ts';

const WINDOW_MS = 60_000;
const MAX_LOGGED_REQUESTS = 100_000;

/** What the simulator answered, and when (by its injected clock): what tests and the bench read back. */
export class RequestLog {
  readonly #now: () => number;
  #requests: SimulatorStats['requests'] = [];
  #rateLimited = 0;

  constructor(now: () => number) {
    this.#now = now;
  }

  /** One API request and its status (0: no HTTP answer). */
  record(route: RequestRoute, status: number): void {
    this.#requests.push({ at: this.#now(), route, status });
    // The demo runs for days inside the app: keep the log bounded (tests stay far below this).
    if (this.#requests.length > MAX_LOGGED_REQUESTS) this.#requests.splice(0, this.#requests.length - MAX_LOGGED_REQUESTS);
  }

  /** A 429, from the limiter or an injected fault. */
  countRateLimited(): void {
    this.#rateLimited += 1;
  }

  stats(): SimulatorStats {
    return { requests: this.#requests.map((r) => ({ ...r })), rateLimited: this.#rateLimited };
  }

  /** The most API requests (refused ones included) seen in any 60-s window. */
  maxInAnyMinute(): number {
    return maxInAnyWindow(this.#requests.map((r) => r.at), WINDOW_MS);
  }
}
