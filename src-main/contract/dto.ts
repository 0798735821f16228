/**
 * What crosses the bridge between the engine and the UI. Type-only: the renderer imports these as
 * types. The engine defines them (core/app/AppSnapshot.ts); no DTO ever carries the API key.
 */
export type * from '../core/app/AppSnapshot.ts';
export type * from '../core/app/TaskActionsDto.ts';
export type { Task, TaskVariable, StepRun, TaskStatus, VariableType } from '../core/chamelio/Task.ts';
export type { UnauthorizedReason } from '../core/chamelio/ApiError.ts';
export type { ActivityEntry, ActivityKind } from '../core/app/Activity.ts';
export type { Settings, SettingsPatch, Theme, QuietHours } from '../core/app/Settings.ts';
export type { KeyProtection } from '../core/app/ports.ts';
export type { SnoozeChoice } from '../core/app/snooze.ts';
export type { SnoozeResult } from '../core/app/Snoozes.ts';
export type { TestNotificationResult } from '../core/app/TaskTriage.ts';
export type { NotificationLevel } from '../core/notify/taskNotificationLevel.ts';
export type { RejectedRef, RejectReason } from '../core/tasks/TaskRef.ts';
