import { OneShotTimer } from '../time/OneShotTimer.ts';
import type { PersistedState } from './PersistedState.ts';
import type { Clock, Logger, Persistence } from './ports.ts';

/** Writes are coalesced: one write for a burst of changes. */
const SAVE_DELAY_MS = 300;
const SAVE_RETRY_MS = 5000;
/** Failed writes retried this many times (5, 10, 20, 40 s apart), then only at the next change. */
export const SAVE_ATTEMPTS = 5;

/**
 * Writes the state when it has changed: one write per burst, one at a time, retried after a
 * failure. `state` says what to write, or null while nothing may be written (the demo).
 */
export class StateWriter {
  private dirty = false;
  /** Failed writes in a row; reset by a good one. */
  private failures = 0;
  /** Why the state is not on disk, in plain words, from the first failed write; null once one works. */
  problem: string | null = null;
  /** Nothing may be written this session (the file is a newer version's, kept as it is). */
  private refused = false;
  private saving: Promise<void> = Promise.resolve();
  private readonly timer: OneShotTimer;
  private readonly deps: { persistence: Persistence; logger: Logger };
  private readonly state: () => PersistedState | null;

  private readonly problemChanged: () => void;

  constructor(deps: { clock: Clock; persistence: Persistence; logger: Logger }, state: () => PersistedState | null, problemChanged: () => void = () => undefined) {
    this.deps = deps;
    this.state = state;
    this.problemChanged = problemChanged;
    this.timer = new OneShotTimer(deps.clock, SAVE_DELAY_MS, () => void this.save());
  }

  markDirty(): void {
    this.dirty = true;
    this.timer.schedule();
  }

  /** What was marked is replaced by another state that needs no write. */
  discard(): void {
    this.dirty = false;
  }

  cancel(): void {
    this.timer.cancel();
  }

  /** From now on nothing is written, whatever changes: the file on disk stays byte for byte as it is. */
  refuseWrites(): void {
    this.refused = true;
    this.cancel();
  }

  /** Writes what is unwritten now; waits for a write already under way too. */
  save(): Promise<void> {
    this.saving = this.saving.then(async () => {
      if (!this.dirty || this.refused) return;
      const state = this.state();
      if (state === null) return;
      this.dirty = false;
      try {
        await this.deps.persistence.save(state);
        this.failures = 0;
        this.setProblem(null);
      } catch (error) {
        this.failed(error);
      }
    });
    return this.saving;
  }

  /** Backs off, then stops retrying on its own and says so: never silently for ever. */
  private failed(error: unknown): void {
    this.dirty = true;
    this.failures++;
    const why = String(error).slice(0, 200);
    if (this.failures < SAVE_ATTEMPTS) {
      this.setProblem(`Changes could not be saved (${why}); they are kept in memory and saving is retried.`);
      this.deps.logger.warn('saving state failed; will retry', { error: String(error), attempt: this.failures });
      this.timer.schedule(SAVE_RETRY_MS * 2 ** (this.failures - 1));
      return;
    }
    this.setProblem(`Your pins and settings could not be saved (${why}). They are kept while the app runs and saved again at the next change.`);
    this.deps.logger.error('saving state failed; retrying only at the next change', { error: String(error), attempts: this.failures });
  }

  private setProblem(problem: string | null): void {
    if (problem === this.problem) return;
    this.problem = problem;
    this.problemChanged();
  }
}
