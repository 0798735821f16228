import type { Clock, TimerHandle } from '../../src-main/core/app/ports.ts';

/** A clock for tests: time moves only when the test says so. */
export class FakeClock implements Clock {
  private current: number;
  private nextId = 1;
  private readonly timers = new Map<number, { at: number; callback: () => void }>();
  /** Timers that have fired so far: each is a wake-up of whatever set it. */
  fired = 0;

  constructor(start = Date.UTC(2026, 10, 30, 9, 0, 0)) {
    this.current = start;
  }

  now(): number {
    return this.current;
  }

  setTimeout(callback: () => void, ms: number): TimerHandle {
    const id = this.nextId++;
    this.timers.set(id, { at: this.current + Math.max(0, ms), callback });
    return id;
  }

  clearTimeout(handle: TimerHandle): void {
    this.timers.delete(handle as number);
  }

  /**
   * The wall clock jumps (a clock change, or a sleep during which no timer ran): time moves on
   * without firing anything; timers that came due fire at the next advance.
   */
  jump(ms: number): void {
    this.current += ms;
  }

  pendingTimers(): number {
    return this.timers.size;
  }

  /** Moves time forward, firing due timers in order; awaits microtasks between them so async work settles. */
  async advance(ms: number): Promise<void> {
    const end = this.current + ms;
    for (;;) {
      await settle();
      let next: [number, { at: number; callback: () => void }] | undefined;
      for (const entry of this.timers) if (entry[1].at <= end && (!next || entry[1].at < next[1].at)) next = entry;
      if (!next) break;
      this.timers.delete(next[0]);
      this.current = Math.max(this.current, next[1].at); // after a jump, overdue timers fire at once
      this.fired++;
      next[1].callback();
    }
    this.current = end;
    await settle();
  }
}

/** Lets pending promise chains run (several macrotask turns, for real I/O callbacks too). */
export async function settle(turns = 5): Promise<void> {
  for (let i = 0; i < turns; i++) await new Promise<void>((r) => setImmediate(r));
}
