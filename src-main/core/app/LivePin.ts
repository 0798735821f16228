import type { ApiError } from '../chamelio/ApiError.ts';
import type { PersistedPin } from './PersistedState.ts';

/** A pinned task as the engine holds it while running: what is persisted plus what is not. */
export interface LivePin extends PersistedPin {
  lastCheckedAt: number | null;
  /** The last request's failure for this task, until a request succeeds. */
  lastError: ApiError | null;
}
