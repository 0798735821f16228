/**
 * Reading a body that may be larger than anyone should hold: the API's responses in the client,
 * the bridge's requests in the preview host, the simulator's control requests. At most `limit`
 * bytes are ever kept; a larger body is refused, or (`keepPrefix`) cut at the limit.
 */

/** What the reader pulls from: a web stream's reader, or `chunksOf` over a Node stream. */
interface ChunkSource {
  read(): Promise<{ done: true; value?: unknown } | { done: false; value: Uint8Array }>;
  cancel(): Promise<unknown>;
}

interface CappedReadOptions {
  /** Keep the first `limit` bytes of a larger body instead of refusing it (error bodies, read for a detail). */
  keepPrefix?: boolean;
  /** The length the sender declared (Content-Length); a larger one is refused before reading. */
  declaredLength?: number;
  /** Cancels the read, as when a request times out. */
  signal?: AbortSignal;
}

type CappedBody = { ok: true; bytes: Uint8Array } | { ok: false; problem: 'too-large' | 'cut-off' };

/**
 * A ChunkSource over an async iterable (a Node request). Cancelling ends the iteration (for a Node
 * stream: destroys it); before the first read it does nothing, so a body refused by its declared
 * length is left to the server, which can still answer on the connection.
 */
export function chunksOf(stream: AsyncIterable<Uint8Array>): ChunkSource {
  let iterator: AsyncIterator<Uint8Array> | null = null;
  return {
    read: async () => {
      iterator ??= stream[Symbol.asyncIterator]();
      const next = await iterator.next();
      return next.done ? { done: true } : { done: false, value: next.value };
    },
    cancel: async () => iterator?.return?.(),
  };
}

export async function readCapped(source: ChunkSource, limit: number, options: CappedReadOptions = {}): Promise<CappedBody> {
  const { keepPrefix = false, declaredLength, signal } = options;
  const cancel = (): void => void source.cancel().catch(() => undefined);
  if (!keepPrefix && declaredLength !== undefined && Number.isFinite(declaredLength) && declaredLength > limit) {
    cancel();
    return { ok: false, problem: 'too-large' };
  }
  signal?.addEventListener('abort', cancel, { once: true });
  const chunks: Uint8Array[] = [];
  let total = 0;
  try {
    for (;;) {
      const next = await source.read();
      if (next.done) break;
      if (total + next.value.byteLength > limit) {
        cancel();
        if (!keepPrefix) return { ok: false, problem: 'too-large' };
        chunks.push(next.value.subarray(0, limit - total));
        total = limit;
        break;
      }
      chunks.push(next.value);
      total += next.value.byteLength;
    }
  } catch {
    if (!keepPrefix) return { ok: false, problem: 'cut-off' };
  } finally {
    signal?.removeEventListener('abort', cancel);
  }
  return { ok: true, bytes: concat(chunks, total) };
}

function concat(chunks: Uint8Array[], total: number): Uint8Array {
  if (chunks.length === 1 && chunks[0]) return chunks[0]; // the usual answer: no copy
  const bytes = new Uint8Array(total);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return bytes;
}
