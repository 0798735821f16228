/** How a simulator is started, and what it reports. */
import type { ApiRoute } from './faults.ts';

export interface SimulatorOptions {
  /** 0 (default) = any free port. */
  port?: number;
  /** Default: a random `ca_…` key. */
  apiKey?: string;
  orgName?: string;
  /** Default 120, as in the docs' example. */
  rateLimitPerMinute?: number;
  /** Default true: a sliding 60-s window per key; over it → 429 with Retry-After. */
  enforceRateLimit?: boolean;
  /** Time for the rate window and for timestamps; default Date.now. */
  now?: () => number;
  /** Load the demo tasks. */
  demo?: boolean;
  /** Demo mode: every this many real milliseconds one random active task moves on. 0/undefined = never. */
  evolveEveryMs?: number;
  /** For the evolver; default Math.random. */
  random?: () => number;
}

export type KeyState = 'active' | 'inactive' | 'revoked' | 'expired';
export type RequestRoute = ApiRoute | 'other';

export interface SimulatorStats {
  /** Every API request (control requests excluded); status 0 = no HTTP answer (hang, reset). */
  requests: { at: number; route: RequestRoute; status: number }[];
  rateLimited: number;
}
