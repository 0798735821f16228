/** Snapshots and rows as the engine would send them, for the renderer's specs. */
import type { AppSnapshot, TaskSummary } from '../../src-main/contract/dto.ts';
import { DEFAULT_SETTINGS } from '../../src-main/core/app/Settings.ts';

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
    ...overrides,
  };
}

export function summary(id: number, overrides: Partial<TaskSummary> = {}): TaskSummary {
  return {
    id,
    title: `Task title ${id}`,
    workflowName: 'Contract review',
    status: 'in_progress',
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
    ...overrides,
  };
}

/** A full task as GET /tasks/{id} documents it: the e2e tests' builder, one shape for both. */
export { task } from '../../test/e2e/support/tasks.ts';
