import { statusLabel } from '../notify/describeChange.ts';
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
  /** "10:42" in the user's locale; Intl's by default. */
  formatTime?: (at: number) => string;
}

/** The tray at a glance, most urgent state first. */
export function buildTrayState(input: TrayInputs): TrayState {
  const { summaries, connection } = input;
  const unseen = summaries.filter((s) => s.unseen).length;
  const needsYou = summaries.some((s) => s.unseen && s.assignedToYou);
  const notificationsPaused = input.notificationsPausedUntil !== null && input.notificationsPausedUntil > input.now;
  let kind: TrayStateKind = 'idle';
  if (connection.kind === 'key-problem') kind = 'key-problem';
  else if (connection.kind === 'offline' || connection.kind === 'degraded') kind = 'offline';
  else if (needsYou) kind = 'needs-you';
  else if (unseen > 0) kind = 'changes-unseen';
  else if (notificationsPaused || input.pollingPaused) kind = 'paused';

  const parts = [`${summaries.length} pinned`];
  if (unseen > 0) parts.push(`${unseen} changed`);
  if (!input.hasKey) parts.push('no API key');
  else if (connection.kind === 'key-problem') parts.push(connection.detail);
  else if (connection.kind === 'offline') parts.push('offline');
  else if (connection.kind === 'degraded') parts.push('Chamelio has errors');
  else if (connection.kind === 'rate-limited') parts.push('rate limited');
  if (notificationsPaused) parts.push('notifications paused');
  const formatTime = input.formatTime ?? ((at: number) => new Intl.DateTimeFormat(undefined, { hour: '2-digit', minute: '2-digit' }).format(at));
  if (input.lastCheckedAt !== null) parts.push(`checked ${formatTime(input.lastCheckedAt)}`);

  const tasks: TrayMenuTask[] = summaries.map((s) => ({
    id: s.id,
    label: s.title ?? `Task ${s.id}`,
    statusLabel: s.problem?.kind === 'unavailable' ? 'Unavailable' : s.status ? statusLabel(s.status) : 'Loading…',
    unseen: s.unseen,
    needsYou: s.group === 'needs-you',
  }));
  return {
    kind,
    tooltip: `Chamelio Tray · ${parts.join(' · ')}`,
    tasks,
    notificationsPausedUntil: notificationsPaused ? input.notificationsPausedUntil : null,
    hasKey: input.hasKey,
  };
}
