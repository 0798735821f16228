import { emptyState, loadPersistedState } from './loadPersistedState.ts';
import { SCHEMA_VERSION, type PersistedState } from './PersistedState.ts';
import type { Logger, Persistence } from './ports.ts';

/** The state to start from, what the user must be told about the file, and whether it may be written. */
export interface OpenedState {
  state: PersistedState;
  problem: string | null;
  refuseWrites: boolean;
}

/**
 * Reads the saved state at start. A file a newer version wrote is refused whole: reading it as ours
 * would drop its new fields at the next save (a downgrade would destroy data), so nothing is loaded
 * from it and it is never written this session. What the store set aside is said, once, in the log.
 */
export async function openState(persistence: Persistence, logger: Logger): Promise<OpenedState> {
  const raw = await persistence.load();
  const version = typeof raw === 'object' && raw !== null ? (raw as { schemaVersion?: unknown }).schemaVersion : undefined;
  if (typeof version === 'number' && version > SCHEMA_VERSION) {
    logger.error('the state file was written by a newer version; nothing loaded from it, and it is never written', { schemaVersion: version, known: SCHEMA_VERSION });
    const problem = `Your saved pins and settings were written by a newer version of Chamelio Tray (format ${version}; this version reads ${SCHEMA_VERSION}). Nothing was loaded from them and they are left untouched: update Chamelio Tray to get them back. Changes made now are kept only while the app runs.`;
    return { state: emptyState(), problem, refuseWrites: true };
  }
  const problem = persistence.problem ?? null;
  if (problem !== null) logger.warn('the state file was set aside', { problem });
  return { state: loadPersistedState(raw), problem, refuseWrites: false };
}
