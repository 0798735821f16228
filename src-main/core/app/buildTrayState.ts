import { displayTitle } from '../tasks/displayTitle.ts';
import type { AppSnapshot } from './AppSnapshot.ts';
import type { TrayMenuTask, TrayState, TrayStateKind } from './TrayState.ts';

/** What the tray needs from the snapshot (the rest it ignores). */
type TraySnapshot = Pick<AppSnapshot, 'tasks' | 'connection' | 'key' | 'notificationsPausedUntil' | 'lastCheckedAt'>;

/**
 * The tray at a glance, most urgent state first; `pollingPaused`: by the OS (sleep, offline);
 * `hideTitles`: privacy, the tray names tasks "Task 12345", never by title.
 */
export function buildTrayState(
  snapshot: TraySnapshot,
  context: { pollingPaused: boolean; now: number; hideTitles?: boolean },
): TrayState {
  const { tasks: summaries, connection } = snapshot;
  const input = { ...context, hasKey: snapshot.key.isSet, notificationsPausedUntil: snapshot.notificationsPausedUntil, lastCheckedAt: snapshot.lastCheckedAt };
  // A snoozed task asks for nothing until it wakes.
  const changed = summaries.filter((s) => s.unseen && s.group !== 'snoozed').length;
  const changedForYou = summaries.some((s) => s.unseen && (s.group === 'needs-you' || (s.assignedToYou && s.group !== 'snoozed')));
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
    approvalWaiting: s.group === 'needs-you' && s.stepType === 'approval',
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
