import type { Clock } from './ports.ts';

/**
 * The one real Clock: what the composition roots (Electron main, the browser preview) hand the
 * engine. Engine code never reads the time or sets a timer itself, so tests pass a fake clock.
 */
export const realClock: Clock = {
  now: () => Date.now(),
  setTimeout: (callback, ms) => setTimeout(callback, ms),
  clearTimeout: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
};
