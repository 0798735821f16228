import { displayTitle } from '../tasks/displayTitle.ts';
import type { ConnectionState, TaskSummary } from './AppSnapshot.ts';
import type { TrayMenuTask, TrayState, TrayStateKind } from './TrayState.ts';

export interface TrayInputs {
  summaries: readonly TaskSummary[];
  connection: ConnectionState;
  hasKey: boolean;
  notificationsPausedUntil: number | null;
  pollingPaused: boolean;
  lastCheckedAt: number | null;
  now: number;
  /** Privacy: the tray names tasks "Task 12345", never by title. */
  hideTitles?: boolean;
}

/** The tray at a glance, most urgent state first. */
export function buildTrayState(input: TrayInputs): TrayState {
  const { summaries, connection } = input;
  // A snoozed task asks for nothing until it wakes.
  const changed = summaries.filter((s) => s.unseen && s.group !== 'snoozed').length;
  const changedForYou = summaries.some((s) => s.unseen && s.assignedToYou && s.group !== 'snoozed');
  const notificationsPaused = input.notificationsPausedUntil !== null && input.notificationsPausedUntil > input.now;
  let kind: TrayStateKind = 'idle';
  if (connection.kind === 'key-problem') kind = 'key-problem';
  else if (connection.kind === 'offline' || connection.kind === 'degraded') kind = 'offline';
  else if (changedForYou) kind = 'needs-you';
  else if (changed > 0) kind = 'changes-unseen';
  else if (notificationsPaused || input.pollingPaused) kind = 'paused';

  const tasks: TrayMenuTask[] = summaries.map((s) => ({
    id: s.id,
    label: input.hideTitles ? displayTitle(s.id, null) : s.displayTitle,
    statusLabel: s.problem?.kind === 'unavailable' ? 'Unavailable' : (s.statusLabel ?? 'Loading…'),
    unseen: s.unseen,
    needsYou: s.group === 'needs-you',
  }));
  return {
    kind,
    pinned: summaries.length,
    changed,
    needsYou: summaries.filter((s) => s.group === 'needs-you').length,
    lastCheckedAt: input.lastCheckedAt,
    connection,
    notificationsPausedUntil: notificationsPaused ? input.notificationsPausedUntil : null,
    hasKey: input.hasKey,
    tasks,
  };
}
