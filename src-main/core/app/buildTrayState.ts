import type { AppSnapshot } from './AppSnapshot.ts';
import type { TrayMenuTask, TrayState, TrayStateKind } from './TrayState.ts';

/** What the tray needs from the snapshot (the rest it ignores). */
export type TraySnapshot = Pick<AppSnapshot, 'tasks' | 'connection' | 'key' | 'notificationsPausedUntil' | 'lastCheckedAt'>;

/** The tray at a glance, most urgent state first; `pollingPaused`: by the OS (sleep, offline). */
export function buildTrayState(snapshot: TraySnapshot, context: { pollingPaused: boolean; now: number }): TrayState {
  const { tasks: summaries, connection } = snapshot;
  const input = { ...context, hasKey: snapshot.key.isSet, notificationsPausedUntil: snapshot.notificationsPausedUntil, lastCheckedAt: snapshot.lastCheckedAt };
  const changed = summaries.filter((s) => s.unseen).length;
  const changedForYou = summaries.some((s) => s.unseen && s.assignedToYou);
  const notificationsPaused = input.notificationsPausedUntil !== null && input.notificationsPausedUntil > input.now;
  let kind: TrayStateKind = 'idle';
  if (connection.kind === 'key-problem') kind = 'key-problem';
  else if (connection.kind === 'offline' || connection.kind === 'degraded') kind = 'offline';
  else if (changedForYou) kind = 'needs-you';
  else if (changed > 0) kind = 'changes-unseen';
  else if (notificationsPaused || input.pollingPaused) kind = 'paused';

  const tasks: TrayMenuTask[] = summaries.map((s) => ({
    id: s.id,
    label: s.displayTitle,
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
