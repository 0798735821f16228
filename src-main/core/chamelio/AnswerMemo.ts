/**
 * The last good answer per task: its text beside the value read from it. An answer whose text is
 * the last one's is that value again, with no JSON.parse, no validation, and, because the same
 * object comes back, no compare or diff further on: an idle poll costs reading the body, decoding
 * it and one string compare.
 *
 * Text, not a digest: decoding is native and V8 compares flat strings with memcmp, a few
 * microseconds for a 35 KB answer, while hashing it (Web Crypto's SHA-256, or a hash in
 * JavaScript) costs about as much as reading it, and a short hash could hide a change. The price is
 * memory, one byte per character of an ASCII answer (two if it holds other characters): measured by
 * `npm run bench` at 1,000 tasks, see docs/BENCHMARKS.md.
 */
export interface AnswerSlot<T> {
  /** The value last read from exactly this text, if any. */
  recall(text: string): T | undefined;
  remember(text: string, value: T): void;
}

export class AnswerMemo<T> {
  readonly #answers = new Map<number, { text: string; value: T }>();

  /** The memory of one task's answers, for one request. */
  slot(id: number): AnswerSlot<T> {
    return {
      recall: (text) => {
        const last = this.#answers.get(id);
        return last !== undefined && last.text === text ? last.value : undefined;
      },
      remember: (text, value) => void this.#answers.set(id, { text, value }),
    };
  }

  /** An unpinned task, or an answer that turned out wrong after reading: not kept. */
  forget(id: number): void {
    this.#answers.delete(id);
  }
}
