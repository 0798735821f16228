import type { ApiError } from './ApiError.ts';

/**
 * The failures of the approval, cancel and document endpoints: every ApiError, plus what those
 * endpoints document, plus any other refusal (403, 422, …) with the API's own `detail`.
 * Errors are values; branch on `kind`.
 */
export type ActionError =
  | ApiError
  /** 409: the task cannot be cancelled, or the approval was already decided. */
  | { kind: 'conflict'; detail: string }
  /** 501: the step has not produced a document (yet, or ever). */
  | { kind: 'no-document'; detail: string }
  /** 400: e.g. a malformed file id. */
  | { kind: 'invalid-request'; detail: string }
  /** Any other 4xx: the API said no, in its own words. */
  | { kind: 'refused'; status: number; detail: string };

export type ActionResult<T> = { ok: true; value: T } | { ok: false; error: ActionError };

/** The client reports every non-401/404/429 status as `server`; these endpoints give some a meaning. */
export function refineActionError(error: ApiError): ActionError {
  if (error.kind !== 'server') return error;
  const { status, detail } = error;
  if (status === 409) return { kind: 'conflict', detail };
  if (status === 501) return { kind: 'no-document', detail };
  if (status === 400) return { kind: 'invalid-request', detail };
  if (status >= 400 && status < 500) return { kind: 'refused', status, detail };
  return error;
}
