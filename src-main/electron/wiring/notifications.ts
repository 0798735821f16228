/**
 * Native notifications: shown by ElectronNotifier; a click or a button comes back as one
 * NotificationActivation. The shell shows the popover for a click or "open" (on the task, or on the
 * list for a summary); the engine, once it handles activations, is told about every one of them.
 */
import { Notification } from 'electron';
import type { Logger, NotificationActivationHandler } from '../../core/app/ports.ts';
import type { NotificationActivation } from '../../core/notify/PlannedNotification.ts';
import { ElectronNotifier, type NotificationApi } from '../notifier.ts';

export const electronNotificationApi: NotificationApi = {
  isSupported: () => Notification.isSupported(),
  create: (options) => new Notification({ ...options, timeoutType: 'default' }),
  handleActivation: (callback) => Notification.handleActivation(callback),
};

/** What a click shows: the task of a one-task notification, the list (null) for a summary. */
export function taskToShow(activation: NotificationActivation): number | null {
  return activation.taskIds.length === 1 ? (activation.taskIds[0] ?? null) : null;
}

/** The engine handles activations once it has the method (the act and triage work adds it). */
function handlesActivations(engine: unknown): engine is NotificationActivationHandler {
  return typeof engine === 'object' && engine !== null && typeof Reflect.get(engine, 'handleNotificationActivation') === 'function';
}

export function routeActivation(
  activation: NotificationActivation,
  deps: { show: (taskId: number | null) => void; engine: unknown },
): void {
  if (handlesActivations(deps.engine)) deps.engine.handleNotificationActivation(activation);
  if (activation.actionId === null || activation.actionId === 'open') deps.show(taskToShow(activation));
}

export function createNotifier(deps: {
  platform: NodeJS.Platform;
  show: (taskId: number | null) => void;
  /** The engine, once made (null before). */
  engine: () => unknown;
  logger: Logger;
}): ElectronNotifier {
  return new ElectronNotifier({
    api: electronNotificationApi,
    platform: deps.platform,
    onActivation: (activation) => routeActivation(activation, { show: deps.show, engine: deps.engine() }),
    logger: deps.logger,
  });
}
