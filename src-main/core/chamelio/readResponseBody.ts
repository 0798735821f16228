/** Reading a response body with a byte cap, for ChamelioClient. */
import { readCapped } from '../base/readCapped.ts';

type Body = { ok: true; bytes: Uint8Array } | { ok: false; problem: string };

/**
 * Reads at most `limit` bytes (core/base/readCapped.ts). Over the limit: `keepPrefix` keeps what
 * was read (error bodies, read only for their detail), otherwise it is a failure. An abort
 * (timeout) cancels the read.
 */
export async function readBody(response: Response, limit: number, signal: AbortSignal, keepPrefix: boolean): Promise<Body> {
  if (response.body === null) return { ok: true, bytes: new Uint8Array(0) };
  const declaredLength = Number(response.headers.get('content-length') ?? NaN);
  const body = await readCapped(response.body.getReader(), limit, { keepPrefix, declaredLength, signal });
  if (body.ok) return body;
  return { ok: false, problem: body.problem === 'too-large' ? `the response body is larger than ${limit} bytes` : 'the response body was cut off before its end' };
}

export async function discard(response: Response): Promise<void> {
  try {
    await response.body?.cancel();
  } catch {
    // Nothing to do: the body is not wanted.
  }
}
