/**
 * The last good answer per task, beside the value read from it. An answer whose bytes are the last
 * one's is that value again, with no decoding, no JSON.parse, no validation, and, because the same
 * object comes back, no compare or diff further on: an idle poll costs reading the body and a compare.
 *
 * What is kept to know the bytes again depends on how often the task is asked for:
 * - a task still running (polled every interval): a copy of the bytes, compared with the next
 *   answer's (`sameBytes`: a native compare where the shell injects one, else the word compare
 *   below). The memory is the answer's size: 5.4 KB for a typical task, 36 KB for one with 200
 *   variables, so 2.2 MB at 1,000 pins of which 40 % run (docs/BENCHMARKS.md, "remembered answers").
 * - a finished task (polled 60 times less often): a 64-bit digest, 16 bytes; hashing costs about as
 *   much as reading the body, which it does twice an hour.
 * The digest is two independent 32-bit multiply-xor hashes over the bytes plus the length: one
 * pass, no allocation, and a chance of about 2^-64 that a changed answer reads as the last one. Not
 * cryptographic, and it need not be: only the server could craft a collision, and it could as well
 * send the old answer.
 */
export interface AnswerSlot<T> {
  /** The value last read from exactly these bytes, if any. */
  recall(bytes: Uint8Array): T | undefined;
  remember(bytes: Uint8Array, value: T): void;
}

/** Whether two byte strings are equal: a native compare the shell may inject (Buffer's equals). */
export type SameBytes = (a: Uint8Array, b: Uint8Array) => boolean;

type Remembered<T> = { value: T; length: number } & ({ kept: KeptBytes } | { kept: null; h1: number; h2: number });

export class AnswerMemo<T> {
  readonly #answers = new Map<number, Remembered<T>>();
  readonly #keepBytes: (value: T) => boolean;
  readonly #same: SameBytes | undefined;

  /** `keepBytes`: whether a value's task is asked for often enough to keep its bytes rather than a digest. */
  constructor(keepBytes: (value: T) => boolean, same?: SameBytes) {
    this.#keepBytes = keepBytes;
    this.#same = same;
  }

  /** The memory of one task's answers, for one request: the bytes are hashed at most once for both uses. */
  slot(id: number): AnswerSlot<T> {
    let digest: [number, number] | null = null;
    const of = (bytes: Uint8Array): [number, number] => (digest ??= digestOf(bytes));
    return {
      recall: (bytes) => {
        const last = this.#answers.get(id);
        if (last === undefined || last.length !== bytes.byteLength) return undefined;
        if (last.kept !== null) return (this.#same ? this.#same(bytes, last.kept.bytes) : last.kept.equals(bytes)) ? last.value : undefined;
        const [h1, h2] = of(bytes);
        return last.h1 === h1 && last.h2 === h2 ? last.value : undefined;
      },
      remember: (bytes, value) => {
        const length = bytes.byteLength;
        if (this.#keepBytes(value)) {
          this.#answers.set(id, { value, length, kept: new KeptBytes(bytes) });
          return;
        }
        const [h1, h2] = of(bytes);
        this.#answers.set(id, { value, length, kept: null, h1, h2 });
      },
    };
  }

  /** An unpinned task, or an answer that turned out wrong after reading: not kept. */
  forget(id: number): void {
    this.#answers.delete(id);
  }
}

/**
 * A copy of an answer's bytes, and the fastest plain-JS compare with the next answer: 8-byte words
 * read as doubles. Equal doubles have equal bits except +0 and -0 (NaN is never equal, which can
 * only make equal bytes read as different, parsed again, never the reverse), so the word compare
 * is exact when the kept bytes have no zero word, which JSON text (no NUL bytes) never has;
 * otherwise the bytes are compared one by one.
 */
export class KeptBytes {
  readonly bytes: Uint8Array;
  /** Made at the first compare, so a shell with a native compare never pays for them. */
  #words: Float64Array | null = null;
  #wordsExact = false;

  constructor(bytes: Uint8Array) {
    // A copy: the answer may be a view into a larger buffer of the network's, which must not be kept alive.
    this.bytes = bytes.slice();
  }

  equals(other: Uint8Array): boolean {
    const length = this.bytes.byteLength;
    if (other.byteLength !== length) return false;
    if (this.#words === null) {
      this.#words = new Float64Array(this.bytes.buffer, 0, length >>> 3);
      this.#wordsExact = !this.#words.includes(0);
    }
    if (!this.#wordsExact) return sameRange(this.bytes, other, 0, length);
    const input = other.byteOffset % 8 === 0 ? other : other.slice();
    const mine = this.#words;
    const words = mine.length;
    const theirs = new Float64Array(input.buffer, input.byteOffset, words);
    let i = 0;
    for (; i + 4 <= words; i += 4) {
      if (mine[i] !== theirs[i] || mine[i + 1] !== theirs[i + 1] || mine[i + 2] !== theirs[i + 2] || mine[i + 3] !== theirs[i + 3]) return false;
    }
    for (; i < words; i++) if (mine[i] !== theirs[i]) return false;
    return sameRange(this.bytes, input, words * 8, length);
  }
}

function sameRange(a: Uint8Array, b: Uint8Array, from: number, to: number): boolean {
  for (let i = from; i < to; i++) if (a[i] !== b[i]) return false;
  return true;
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
