import { emptyState } from './loadPersistedState.ts';
import type { PersistedState } from './PersistedState.ts';

export interface DemoSetup {
  apiBaseUrl: string;
  apiKey: string;
  userEmail: string;
  taskIds: number[];
}

/**
 * Running against the built-in simulator. The real state (pins, history, settings) is set aside
 * here, untouched, and given back when the demo ends; while it runs nothing is written.
 */
export class DemoMode {
  private realState: PersistedState | null = null;

  isActive(): boolean {
    return this.realState !== null;
  }

  /** The state the demo starts from; the real one is set aside the first time only. */
  enter(current: PersistedState, demo: DemoSetup): PersistedState {
    this.realState ??= current;
    const real = this.realState.settings;
    return { ...emptyState(), settings: { ...real, apiBaseUrl: demo.apiBaseUrl, userEmail: real.userEmail || demo.userEmail } };
  }

  /** The real state to go back to, or null when no demo runs. */
  leave(): PersistedState | null {
    const real = this.realState;
    this.realState = null;
    return real;
  }
}
