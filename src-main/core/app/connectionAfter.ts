import type { ApiError } from '../chamelio/ApiError.ts';
import type { ConnectionState } from './AppSnapshot.ts';
import { describeApiError } from './describeApiError.ts';

/**
 * What the header says after a request: a success or a 404 (the server answered) means connected,
 * unless a rate-limit pause is still running; failures name their kind. A state that holds keeps
 * its `since`, so "offline since 10:42" does not move with every failed retry.
 */
export function connectionAfter(
  current: ConnectionState,
  error: ApiError | null,
  now: number,
  rateLimitedUntil: number | null,
): ConnectionState {
  if (error === null || error.kind === 'not-found') {
    if (current.kind === 'rate-limited' && rateLimitedUntil !== null) return current;
    return current.kind === 'ok' ? current : { kind: 'ok' };
  }
  switch (error.kind) {
    case 'unauthorized':
      return { kind: 'key-problem', reason: error.reason, detail: error.detail };
    case 'rate-limited':
      return { kind: 'rate-limited', until: rateLimitedUntil ?? now };
    case 'network':
    case 'timeout':
      return current.kind === 'offline' ? current : { kind: 'offline', message: describeApiError(error), since: now };
    case 'server':
    case 'bad-response':
      return current.kind === 'degraded' ? current : { kind: 'degraded', message: describeApiError(error), since: now };
  }
}
