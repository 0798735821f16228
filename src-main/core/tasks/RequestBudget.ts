/**
 * A sliding-window request budget: at most `perMinute` requests in any window of one minute
 * (plus a small margin for the time a request takes to reach the server). A sliding window also
 * satisfies a server that counts in fixed minutes, whichever way it counts.
 */
export const BUDGET_WINDOW_MS = 61_000;

export class RequestBudget {
  private perMinute: number;
  /** Send times of the requests in the current window, oldest first. */
  private readonly sent: number[] = [];

  constructor(perMinute: number) {
    this.perMinute = RequestBudget.sane(perMinute);
  }

  static sane(perMinute: number): number {
    return Number.isFinite(perMinute) ? Math.max(1, Math.floor(perMinute)) : 1;
  }

  limit(): number {
    return this.perMinute;
  }

  setLimit(perMinute: number): void {
    this.perMinute = RequestBudget.sane(perMinute);
  }

  /** Spends one request if the window allows it. */
  tryTake(now: number): boolean {
    this.forget(now);
    if (this.sent.length >= this.perMinute) return false;
    this.sent.push(now);
    return true;
  }

  /** Counts a request that must go out anyway (the user asked for it); later ones wait for it. */
  record(now: number): void {
    this.forget(now);
    this.sent.push(now);
  }

  /** The earliest time a request could be spent. */
  nextAvailableAt(now: number): number {
    this.forget(now);
    if (this.sent.length < this.perMinute) return now;
    return this.sent[this.sent.length - this.perMinute]! + BUDGET_WINDOW_MS;
  }

  usedInWindow(now: number): number {
    this.forget(now);
    return this.sent.length;
  }

  private forget(now: number): void {
    while (this.sent.length > 0 && this.sent[0]! <= now - BUDGET_WINDOW_MS) this.sent.shift();
  }
}
