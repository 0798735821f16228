import { browserClock, type Clock } from '../clock.ts';

const TICK_MS = 30_000;

/** The time relative times are shown against: re-read every half minute and whenever the popover shows. */
export class NowStore {
  value = $state(0);
  readonly #clock: Clock;

  constructor(clock: Clock = browserClock) {
    this.#clock = clock;
    this.value = clock.now();
  }

  refresh(): void {
    this.value = this.#clock.now();
  }

  /** Ticks until the returned stop is called. */
  start(): () => void {
    let timer: unknown;
    const tick = (): void => {
      this.refresh();
      timer = this.#clock.setTimeout(tick, TICK_MS);
    };
    timer = this.#clock.setTimeout(tick, TICK_MS);
    return () => this.#clock.clearTimeout(timer);
  }
}
