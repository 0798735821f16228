/**
 * The last good answer per task: a digest of its bytes beside the value read from it. An answer
 * whose bytes have the last one's digest is that value again, with no decoding, no JSON.parse, no
 * validation, and, because the same object comes back, no compare or diff further on: an idle poll
 * costs reading the body and hashing it.
 *
 * A digest, not the text: the text would cost about as much memory again as the snapshot itself
 * (5.5 KB a task for a typical answer, 54 MB at 10,000 tasks), the digest 16 bytes. It is two
 * independent 32-bit multiply-xor hashes over the bytes plus the length: one pass, no
 * allocation, and a chance of about 2^-64 that a changed answer reads as the last one. Not
 * cryptographic, and it need not be: only the server could craft a collision, and it could as well
 * send the old answer. Measured by `npm run bench` (docs/BENCHMARKS.md).
 */
export interface AnswerSlot<T> {
  /** The value last read from exactly these bytes, if any. */
  recall(bytes: Uint8Array): T | undefined;
  remember(bytes: Uint8Array, value: T): void;
}

interface Remembered<T> {
  length: number;
  h1: number;
  h2: number;
  value: T;
}

export class AnswerMemo<T> {
  readonly #answers = new Map<number, Remembered<T>>();

  /** The memory of one task's answers, for one request: the bytes are hashed once for both uses. */
  slot(id: number): AnswerSlot<T> {
    let digest: [number, number] | null = null;
    let digested: Uint8Array | null = null;
    const of = (bytes: Uint8Array): [number, number] => {
      if (digested !== bytes) [digest, digested] = [digestOf(bytes), bytes];
      return digest!;
    };
    return {
      recall: (bytes) => {
        const last = this.#answers.get(id);
        if (last === undefined || last.length !== bytes.byteLength) return undefined;
        const [h1, h2] = of(bytes);
        return last.h1 === h1 && last.h2 === h2 ? last.value : undefined;
      },
      remember: (bytes, value) => {
        const [h1, h2] = of(bytes);
        this.#answers.set(id, { length: bytes.byteLength, h1, h2, value });
      },
    };
  }

  /** An unpinned task, or an answer that turned out wrong after reading: not kept. */
  forget(id: number): void {
    this.#answers.delete(id);
  }
}

/** Two 32-bit hashes of the bytes, four at a time (an unaligned view is copied first, so the same bytes always give the same digest). */
export function digestOf(input: Uint8Array): [number, number] {
  const bytes = input.byteOffset % 4 === 0 ? input : input.slice();
  let h1 = 0x811c9dc5 | 0;
  let h2 = 0x27d4eb2f | 0;
  const words = bytes.byteLength >>> 2;
  const view = new Int32Array(bytes.buffer, bytes.byteOffset, words);
  for (let i = 0; i < words; i++) {
    const w = view[i]!;
    h1 = Math.imul(h1 ^ w, 0x01000193);
    h2 = Math.imul(h2 ^ w, 0x85ebca6b) ^ (h2 >>> 15);
  }
  for (let i = words * 4; i < bytes.byteLength; i++) {
    const b = bytes[i]!;
    h1 = Math.imul(h1 ^ b, 0x01000193);
    h2 = Math.imul(h2 ^ b, 0x85ebca6b) ^ (h2 >>> 15);
  }
  return [h1 ^ (h1 >>> 16), Math.imul(h2 ^ (h2 >>> 13), 0xc2b2ae35)];
}
