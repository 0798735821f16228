/**
 * Keeps task reads in the order they were sent. A poll sent before the user's action may answer
 * after the re-read that follows it; applying that older answer would turn the task back and then
 * forward again, and report both as changes. Every read gets a number when it is sent; an answer is
 * dropped when a read sent later has already been applied.
 */
export class ReadOrder {
  private next = 0;
  private readonly applied = new Map<number, number>();
  private readonly numbers = new WeakMap<object, number>();

  /** Sends the read; its answer is a fresh object that remembers when it was sent. */
  async read<T extends object>(send: () => Promise<T>): Promise<T> {
    const number = ++this.next;
    const answer = { ...(await send()) };
    this.numbers.set(answer, number);
    return answer;
  }

  /** True for an answer older than one already applied for the task; otherwise it counts as applied. */
  isStale(taskId: number, answer: object): boolean {
    const number = this.numbers.get(answer);
    if (number === undefined) return false;
    if (number < (this.applied.get(taskId) ?? 0)) return true;
    this.applied.set(taskId, number);
    return false;
  }
}
