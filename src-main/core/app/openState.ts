import { emptyState, readPersistedState } from './loadPersistedState.ts';
import { SCHEMA_VERSION, type PersistedState } from './PersistedState.ts';
import type { Logger, Persistence } from './ports.ts';

/** The state to start from, what the user must be told about the file, and whether it may be written. */
export interface OpenedState {
  state: PersistedState;
  problem: string | null;
  refuseWrites: boolean;
}

/** The label of the copy kept of a file read only in part (`state.json.partly-read-<time>`). */
const PARTLY_READ_LABEL = 'partly-read';

/**
 * Reads the saved state at start. A file a newer version wrote is refused whole: reading it as ours
 * would drop its new fields at the next save (a downgrade would destroy data), so nothing is loaded
 * from it and it is never written this session. A file read only in part is copied aside before
 * anything can overwrite it, or, if no copy can be made, never written. What the store set aside is
 * said, once, in the log.
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
  const { state, leftOut } = readPersistedState(raw);
  if (leftOut.length === 0) return { state, problem, refuseWrites: false };
  return { state, ...(await keepPartlyRead(persistence, logger, state, leftOut)) };
}

/** Keeps the file as it was beside it, and says what was left out and where the copy is. */
async function keepPartlyRead(persistence: Persistence, logger: Logger, state: PersistedState, leftOut: string[]): Promise<Omit<OpenedState, 'state'>> {
  const what = leftOut.slice(0, 6).join(', ') + (leftOut.length > 6 ? `, and ${leftOut.length - 6} more` : '');
  const copy = (await persistence.keepAside?.(PARTLY_READ_LABEL).catch(() => null)) ?? null;
  if (copy === null) {
    logger.error('part of the state file could not be read and no copy could be kept; it is never written', { leftOut });
    const problem = `Part of your saved state could not be read and was left out (${what}), and no copy of the file could be kept. To lose nothing, it is left untouched: changes made now are kept only while the app runs.`;
    return { problem, refuseWrites: true };
  }
  logger.warn('part of the state file could not be read; a copy was kept', { leftOut, copy });
  // The state as read is written at once, so the next start reads it whole and no second copy is made.
  await persistence.save(state).catch((error: unknown) => logger.warn('writing the state as read failed; it is written at the next change', { error: String(error) }));
  const problem = `Part of your saved state could not be read and was left out (${what}). Everything else was loaded, and the file as it was is kept as ${copy}.`;
  return { problem, refuseWrites: false };
}
