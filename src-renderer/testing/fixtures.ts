/** Snapshots and rows as the engine would send them, for the renderer's specs. */
import type { AppSnapshot, Task, TaskDetail, TaskSummary } from '../../src-main/contract/dto.ts';
import { DEFAULT_SETTINGS, displayTitle, isUserEmail, statusLabel } from '../../src-main/contract/engineRules.ts';

export const NOW = Date.UTC(2026, 10, 30, 9, 0, 0);

export function snapshot(overrides: Partial<AppSnapshot> = {}): AppSnapshot {
  return {
    connection: { kind: 'ok' },
    key: { isSet: true, protection: 'os', advice: null, canOptInToWeak: false },
    org: { name: 'Acme Corporation', rateLimitPerMinute: 120 },
    lastCheckedAt: NOW,
    tasks: [],
    activity: [],
    settings: DEFAULT_SETTINGS,
    notificationsPausedUntil: null,
    budgetPerMinute: 60,
    demo: false,
    storageProblem: null,
    build: { version: '0.1.0', updates: { kind: 'checked', at: NOW } },
    ...overrides,
  };
}

/** A row; its displayTitle and statusLabel follow title and status by the engine's own rules. */
export function summary(id: number, overrides: Partial<TaskSummary> = {}): TaskSummary {
  const title = overrides.title === undefined ? `Task title ${id}` : overrides.title;
  const status = overrides.status === undefined ? 'in_progress' : overrides.status;
  return {
    id,
    title,
    displayTitle: displayTitle(id, title),
    statusLabel: status === null ? null : statusLabel(status),
    workflowName: 'Contract review',
    status,
    stepName: 'Legal check',
    stepType: 'approval',
    assignee: 'sam@example.com',
    assignedToYou: false,
    updatedAt: new Date(NOW).toISOString(),
    unseen: false,
    lastChange: null,
    problem: null,
    group: 'active',
    link: `https://app.chamelio.ai/workflows/tasks/${id}`,
    snooze: null,
    notificationLevel: 'global',
    ...overrides,
  };
}

/** The details as the engine sends them, "you" being `userEmail` (nobody when empty). */
export function detail(row: TaskSummary, full: Task | null, userEmail = ''): TaskDetail {
  const person = (email: string | null) => ({ email, isYou: isUserEmail(email, userEmail) });
  return {
    summary: row,
    task: full,
    people: full && {
      owner: person(full.owner_email),
      assignee: person(full.assignee_email),
      collaborators: full.collaborator_emails.map(person),
    },
    stepStatusLabels: full ? full.step_runs.map((run) => statusLabel(run.status)) : [],
  };
}

/** A full task as GET /tasks/{id} documents it: the e2e tests' builder, one shape for both. */
export { task } from '../../test/e2e/support/tasks.ts';
