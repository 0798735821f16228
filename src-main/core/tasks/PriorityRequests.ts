import type { RequestBudget } from './RequestBudget.ts';

/**
 * Requests the user asked for (a decision, a cancellation, a document, the re-read after them),
 * waiting for the request budget. They are served before any queued poll, in the order they were
 * asked, and never past the budget: the monitor serves them first whenever it wakes.
 */
export class PriorityRequests {
  private readonly waiting: (() => void)[] = [];

  /** Resolves when one request has been paid for. */
  enqueue(): Promise<void> {
    return new Promise((resolve) => this.waiting.push(resolve));
  }

  /** True while a user's request waits: the engine's own requests (poll priority) then wait too. */
  isWaiting(): boolean {
    return this.waiting.length > 0;
  }

  /**
   * Pays for as many waiting requests as the budget allows at `now`. Returns when to look again
   * (a time), or null when none is left waiting, so polls may go.
   */
  serve(budget: RequestBudget, now: number, blockedUntil: number): number | null {
    if (this.waiting.length === 0) return null;
    if (now < blockedUntil) return blockedUntil;
    while (this.waiting.length > 0 && budget.tryTake(now)) this.waiting.shift()!();
    return this.waiting.length === 0 ? null : budget.nextAvailableAt(now);
  }
}
