/**
 * Native notifications: shown by ElectronNotifier; a click or a button comes back as one
 * NotificationActivation. The shell shows the popover for a click or "open" (on the task, or on the
 * list for a summary); the engine decides what each one means (core/notify/notificationActions.ts).
 */
import { Notification } from 'electron';
import type { PopoverView } from '../../contract/bridge.ts';
import { popoverViewOf } from '../../contract/popoverView.ts';
import type { Logger } from '../../core/app/ports.ts';
import type { NotificationIntent } from '../../core/notify/notificationActions.ts';
import type { NotificationActivation } from '../../core/notify/PlannedNotification.ts';
import { ElectronNotifier, type NotificationApi } from '../notifier.ts';

export const electronNotificationApi: NotificationApi = {
  isSupported: () => Notification.isSupported(),
  create: (options) => new Notification({ ...options, timeoutType: 'default' }),
  handleActivation: (callback) => Notification.handleActivation(callback),
};

/** What a click shows: the task of a one-task notification, the list for a summary. */
export function viewToShow(activation: NotificationActivation): PopoverView {
  const only = activation.taskIds.length === 1 ? activation.taskIds[0] : undefined;
  return only === undefined ? { view: 'list' } : { view: 'task', taskId: only };
}

/** The engine's side of an activation: it does its part (a snooze) and says what to show. */
export interface ActivationEngine {
  triage: { notificationActivated(activation: NotificationActivation): NotificationIntent };
  linkFor(taskId: number): string;
}

export function routeActivation(
  activation: NotificationActivation,
  deps: { show: (view: PopoverView) => void; openLink: (url: string) => void; engine: ActivationEngine | null },
): void {
  const { engine } = deps;
  // Before the engine exists (a cold start from a toast), a click or Open shows what it names.
  if (engine === null) {
    if (activation.actionId === null || activation.actionId === 'open') deps.show(viewToShow(activation));
    return;
  }
  const intent = engine.triage.notificationActivated(activation);
  const view = popoverViewOf(intent);
  if (view) deps.show(view);
  else if (intent.kind === 'open-task-in-chamelio') deps.openLink(engine.linkFor(intent.taskId));
}

export function createNotifier(deps: {
  platform: NodeJS.Platform;
  show: (view: PopoverView) => void;
  openLink: (url: string) => void;
  /** The engine, once made (null before). */
  engine: () => ActivationEngine | null;
  logger: Logger;
}): ElectronNotifier {
  return new ElectronNotifier({
    api: electronNotificationApi,
    platform: deps.platform,
    onActivation: (activation) => routeActivation(activation, { show: deps.show, openLink: deps.openLink, engine: deps.engine() }),
    logger: deps.logger,
  });
}
