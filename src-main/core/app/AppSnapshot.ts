/**
 * The snapshot the engine shows the world: what crosses the bridge to the UI (re-exported by
 * contract/dto.ts). Defined in core because the engine builds it and core imports no other room.
 * No part of it ever carries the API key.
 */
import type { Task } from '../chamelio/Task.ts';
import type { UnauthorizedReason } from '../chamelio/ApiError.ts';
import type { ActivityEntry } from './Activity.ts';
import type { Settings } from './Settings.ts';
import type { KeyProtection } from './ports.ts';
import type { RejectedRef } from '../tasks/TaskRef.ts';
import type { NotificationLevel } from '../notify/taskNotificationLevel.ts';

export type ConnectionState =
  | { kind: 'no-key' }
  | { kind: 'checking' }
  | { kind: 'ok' }
  | { kind: 'offline'; message: string; since: number }
  /** The server answers, but with errors (5xx, an HTML page, broken JSON). */
  | { kind: 'degraded'; message: string; since: number }
  | { kind: 'rate-limited'; until: number }
  /** detail: the API's own words, e.g. "API key has been revoked". */
  | { kind: 'key-problem'; reason: UnauthorizedReason; detail: string }
  /** Polling paused by the OS (sleep, screen lock) or by going offline. */
  | { kind: 'paused' };

/** Where a task sits in the list, decided by the engine: needs-you and unseen first, snoozed, then finished last. */
export type TaskGroup = 'needs-you' | 'unseen' | 'active' | 'snoozed' | 'finished';

/** A snooze as the list shows it: when it wakes, or "until it changes". */
export type SnoozeSummary = { kind: 'timed'; until: number } | { kind: 'until-change' };

export type TaskProblem =
  | { kind: 'unavailable'; message: string }
  | { kind: 'error'; message: string };

export interface TaskSummary {
  id: number;
  /** The API's title; null until the first fetch. */
  title: string | null;
  /** What every view calls the task: the title, or "Task 12345" for a missing or blank one. */
  displayTitle: string;
  workflowName: string | null;
  status: string | null;
  /** The status in words ("In progress"); null until the first fetch. */
  statusLabel: string | null;
  stepName: string | null;
  stepType: string | null;
  assignee: string | null;
  /** Decided by the engine from Settings.userEmail (case and spaces ignored). */
  assignedToYou: boolean;
  updatedAt: string | null;
  unseen: boolean;
  /** The last change, "In progress → Completed", while unseen. */
  lastChange: string | null;
  problem: TaskProblem | null;
  group: TaskGroup;
  snooze: SnoozeSummary | null;
  /** The task's own notification level ("global" follows the settings). */
  notificationLevel: NotificationLevel;
  /** The task's page in the Chamelio app, always built from the id (never the API's own link). */
  link: string;
}

/** Someone named by the task, and whether that is the user (decided by the engine). */
export interface TaskPerson {
  email: string | null;
  isYou: boolean;
}

export interface TaskDetail {
  summary: TaskSummary;
  /** The full task as the API last returned it, or null when never fetched. */
  task: Task | null;
  /** The task's people; null when never fetched. */
  people: { owner: TaskPerson; assignee: TaskPerson; collaborators: TaskPerson[] } | null;
  /** Each step run's status in words, in the order of `task.step_runs`. */
  stepStatusLabels: string[];
}

export interface KeyState {
  isSet: boolean;
  protection: KeyProtection | null;
  /** What the user should know about how the key is kept, when it is not in the OS keychain. */
  advice: string | null;
  canOptInToWeak: boolean;
}

export interface OrgSummary {
  name: string;
  rateLimitPerMinute: number;
}

export interface AppSnapshot {
  connection: ConnectionState;
  key: KeyState;
  org: OrgSummary | null;
  lastCheckedAt: number | null;
  /** In display order. */
  tasks: TaskSummary[];
  /** Newest first. */
  activity: ActivityEntry[];
  settings: Settings;
  notificationsPausedUntil: number | null;
  /** Requests per minute the monitor allows itself (a share of the key's limit). */
  budgetPerMinute: number | null;
  /** Running against the built-in simulator with demo data. */
  demo: boolean;
  /** Why the saved state is not (or no longer) what the user sees, in plain words; null when it is. */
  storageProblem: string | null;
  /** This build and its update checks, from the shell (null until it says): Settings' quiet line. */
  build: BuildInfo | null;
}

export interface BuildInfo {
  version: string;
  /** off: this build does not check (the deb, the preview, an unpackaged run). problem: in plain words. */
  updates: { kind: 'off' } | { kind: 'not-yet' } | { kind: 'checked'; at: number } | { kind: 'failed'; at: number; problem: string };
}

export interface PinResult {
  pinned: number[];
  alreadyPinned: number[];
  rejected: RejectedRef[];
}

export type KeyCheckResult =
  | { ok: true; org: OrgSummary; protection: KeyProtection }
  | { ok: false; message: string; reason: UnauthorizedReason | 'network' | 'invalid-format' | 'other' };

export type SettingsUpdateResult =
  | { ok: true; settings: Settings }
  | { ok: false; message: string; field: string };
