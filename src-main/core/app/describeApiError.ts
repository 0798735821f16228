import type { ApiError } from '../chamelio/ApiError.ts';

/** A sentence for the user; never the key, never a raw HTML page. */
export function describeApiError(error: ApiError): string {
  switch (error.kind) {
    case 'unauthorized':
      return error.detail || 'The API refused the key.';
    case 'not-found':
      return 'Not found, or your key has no access to it.';
    case 'rate-limited':
      return 'Chamelio asked us to slow down (rate limit).';
    case 'server':
      return `Chamelio answered with an error (HTTP ${error.status}).`;
    case 'network':
      return 'Chamelio cannot be reached. Check your connection.';
    case 'timeout':
      return `Chamelio did not answer within ${Math.round(error.afterMs / 1000)} s.`;
    case 'bad-response':
      return `Chamelio sent an answer this app cannot read (${error.message}).`;
  }
}
