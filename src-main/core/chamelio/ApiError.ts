/** Why the API refused a key: the five documented 401 `detail` messages, plus one for anything else. */
export type UnauthorizedReason =
  | 'key-required'
  | 'invalid-key'
  | 'key-inactive'
  | 'key-revoked'
  | 'key-expired'
  | 'unknown';

/** Every way a request can fail. Errors are values; branch on `kind`, never on message text. */
export type ApiError =
  | { kind: 'unauthorized'; reason: UnauthorizedReason; detail: string }
  | { kind: 'not-found'; detail: string }
  /** retryAfterMs: what the server's Retry-After said, or null when it said nothing usable. */
  | { kind: 'rate-limited'; retryAfterMs: number | null }
  | { kind: 'server'; status: number; detail: string }
  | { kind: 'network'; message: string }
  | { kind: 'timeout'; afterMs: number }
  | { kind: 'bad-response'; message: string };

export type ApiResult<T> = { ok: true; value: T } | { ok: false; error: ApiError };
