import type { ApiError } from '../chamelio/ApiError.ts';
import { isTerminalStatus } from '../chamelio/Task.ts';
import { isUserEmail, statusLabel } from '../notify/describeChange.ts';
import type { ActivityEntry } from './Activity.ts';
import type { ConnectionState, TaskGroup, TaskProblem, TaskSummary } from './AppSnapshot.ts';
import type { PersistedPin } from './PersistedState.ts';
import { CHAMELIO_APP_HOST } from './Settings.ts';
import type { TrayMenuTask, TrayState, TrayStateKind } from './TrayState.ts';

/** A pinned task as the engine holds it while running: what is persisted plus what is not. */
export interface LivePin extends PersistedPin {
  lastCheckedAt: number | null;
  /** The last request's failure for this task, until a request succeeds. */
  lastError: ApiError | null;
}

export function taskLink(taskId: number): string {
  return `https://${CHAMELIO_APP_HOST}/workflows/tasks/${taskId}`;
}

const GROUP_ORDER: Record<TaskGroup, number> = { 'needs-you': 0, unseen: 1, active: 2, finished: 3 };

/** One list row. `lastChangeByTask` holds the newest activity text per task id. */
export function summarize(pin: LivePin, userEmail: string, lastChangeByTask: Map<number, string>): TaskSummary {
  const task = pin.snapshot;
  const assignedToYou = isUserEmail(task?.assignee_email ?? null, userEmail);
  const finished = task !== null && isTerminalStatus(task.status);
  const group: TaskGroup =
    assignedToYou && !finished ? 'needs-you' : pin.unseen ? 'unseen' : finished ? 'finished' : 'active';
  return {
    id: pin.id,
    title: task?.task_title ?? null,
    workflowName: task?.workflow_name ?? null,
    status: task?.status ?? null,
    stepName: task?.current_step_name ?? null,
    stepType: task?.current_step_type ?? null,
    assignee: task?.assignee_email ?? null,
    assignedToYou,
    updatedAt: task?.updated_at ?? null,
    unseen: pin.unseen,
    lastChange: pin.unseen ? (lastChangeByTask.get(pin.id) ?? null) : null,
    problem: problemOf(pin),
    group,
    link: taskLink(pin.id),
  };
}

function problemOf(pin: LivePin): TaskProblem | null {
  if (pin.unavailable) return { kind: 'unavailable', message: 'Not found, or your key has no access to it.' };
  const error = pin.lastError;
  if (!error || error.kind === 'unauthorized' || error.kind === 'rate-limited') return null;
  return { kind: 'error', message: describeApiError(error) };
}

/** The newest history text of each task (the history is newest first). */
export function lastChangeByTask(activity: readonly ActivityEntry[]): Map<number, string> {
  const texts = new Map<number, string>();
  for (const entry of activity) if (!texts.has(entry.taskId)) texts.set(entry.taskId, entry.text);
  return texts;
}

/** Display order: needs you, unseen, running, finished; pin order within a group. */
export function summarizeAll(pins: readonly LivePin[], userEmail: string, activity: readonly ActivityEntry[]): TaskSummary[] {
  const texts = lastChangeByTask(activity);
  return pins
    .map((pin, index) => ({ summary: summarize(pin, userEmail, texts), index }))
    .sort((a, b) => GROUP_ORDER[a.summary.group] - GROUP_ORDER[b.summary.group] || a.index - b.index)
    .map((row) => row.summary);
}

/** A sentence for the user; never the key, never a raw HTML page. */
export function describeApiError(error: ApiError): string {
  switch (error.kind) {
    case 'unauthorized':
      return error.detail || 'The API refused the key.';
    case 'not-found':
      return 'Not found, or your key has no access to it.';
    case 'rate-limited':
      return 'Chamelio asked us to slow down (rate limit).';
    case 'server':
      return `Chamelio answered with an error (HTTP ${error.status}).`;
    case 'network':
      return 'Chamelio cannot be reached. Check your connection.';
    case 'timeout':
      return `Chamelio did not answer within ${Math.round(error.afterMs / 1000)} s.`;
    case 'bad-response':
      return `Chamelio sent an answer this app cannot read (${error.message}).`;
  }
}

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
