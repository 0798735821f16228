/** Reading a response body with a byte cap, for ChamelioClient. */

export type Body = { ok: true; bytes: Uint8Array } | { ok: false; problem: string };

/**
 * Reads at most `limit` bytes. Over the limit: `keepPrefix` keeps what was read (error bodies,
 * read only for their detail), otherwise it is a failure. An abort (timeout) cancels the read.
 */
export async function readBody(response: Response, limit: number, signal: AbortSignal, keepPrefix: boolean): Promise<Body> {
  const tooLarge = `the response body is larger than ${limit} bytes`;
  const declared = Number(response.headers.get('content-length') ?? NaN);
  if (!keepPrefix && Number.isFinite(declared) && declared > limit) {
    await discard(response);
    return { ok: false, problem: tooLarge };
  }
  if (response.body === null) return { ok: true, bytes: new Uint8Array(0) };
  const reader = response.body.getReader();
  const onAbort = (): void => void reader.cancel().catch(() => undefined);
  signal.addEventListener('abort', onAbort, { once: true });
  const chunks: Uint8Array[] = [];
  let total = 0;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      if (total + value.byteLength > limit) {
        void reader.cancel().catch(() => undefined);
        if (!keepPrefix) return { ok: false, problem: tooLarge };
        chunks.push(value.subarray(0, limit - total));
        total = limit;
        break;
      }
      chunks.push(value);
      total += value.byteLength;
    }
  } catch {
    if (!keepPrefix) return { ok: false, problem: 'the response body was cut off before its end' };
  } finally {
    signal.removeEventListener('abort', onAbort);
  }
  if (chunks.length === 1) return { ok: true, bytes: chunks[0]! }; // the usual answer: no copy
  const bytes = new Uint8Array(total);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return { ok: true, bytes };
}

export async function discard(response: Response): Promise<void> {
  try {
    await response.body?.cancel();
  } catch {
    // Nothing to do: the body is not wanted.
  }
}
