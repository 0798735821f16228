/**
 * Changes the user caused themselves (a decision, a cancellation), expected from the moment the
 * request goes out until the task has been re-read. The first change seen for such a task is
 * recorded as the user's ("You approved") instead of being described and notified.
 */
export class OwnChanges {
  private readonly expected = new Map<number, string>();

  expect(taskId: number, text: string): void {
    this.expected.set(taskId, text);
  }

  forget(taskId: number): void {
    this.expected.delete(taskId);
  }

  /** The text to record for a change of this task, once; null when the change is not the user's. */
  take(taskId: number): string | null {
    const text = this.expected.get(taskId) ?? null;
    this.expected.delete(taskId);
    return text;
  }
}
