/**
 * Native notifications: shown by ElectronNotifier; a click or a button comes back as one
 * NotificationActivation. The shell shows the popover for a click or "open" (on the task, or on the
 * list for a summary), or opens a finished task's signed document; the engine decides what each one
 * means (core/notify/notificationActions.ts).
 */
import { Notification } from 'electron';
import type { PopoverView } from '../../contract/bridge.ts';
import { popoverViewOf } from '../../contract/popoverView.ts';
import type { Logger } from '../../core/app/ports.ts';
import type { TaskActions } from '../../core/app/TaskActions.ts';
import type { NotificationIntent } from '../../core/notify/notificationActions.ts';
import type { NotificationActivation } from '../../core/notify/PlannedNotification.ts';
import { inBackground } from '../background.ts';
import { openInBrowser } from '../electronAdapters.ts';
import { isDocumentUrl } from '../externalUrl.ts';
import { ElectronNotifier, type NotificationApi } from '../notifier.ts';

const electronNotificationApi: NotificationApi = {
  isSupported: () => Notification.isSupported(),
  create: (options) => new Notification({ ...options, timeoutType: 'default' }),
  handleActivation: (callback) => Notification.handleActivation(callback),
};

/** What a click shows: the task of a one-task notification, the list for a summary. */
function viewToShow(activation: NotificationActivation): PopoverView {
  const only = activation.taskIds.length === 1 ? activation.taskIds[0] : undefined;
  return only === undefined ? { view: 'list' } : { view: 'task', taskId: only };
}

/** The engine's side of an activation: it does its part (a snooze) and says what to show. */
interface ActivationEngine {
  triage: { notificationActivated(activation: NotificationActivation): NotificationIntent };
  actions: Pick<TaskActions, 'openSignedDocumentWith'>;
  linkFor(taskId: number): string;
}

interface ActivationDeps {
  show: (view: PopoverView) => void;
  /** A Chamelio link (the allow-list's rule). */
  openLink: (url: string) => void;
  /** A document's https link, fresh from the API for this click (the document rule). */
  openDocument: (url: string) => Promise<unknown>;
  engine: ActivationEngine | null;
  logger: Logger;
}

/** Done when whatever the activation opens has been asked for (a signed document waits for the API). */
async function routeActivation(activation: NotificationActivation, deps: ActivationDeps): Promise<void> {
  const { engine } = deps;
  // Before the engine exists (a cold start from a toast), a click, Open or a document shows what it names.
  if (engine === null) {
    if (activation.actionId !== 'snooze-day' && activation.actionId !== 'review') deps.show(viewToShow(activation));
    return;
  }
  const intent = engine.triage.notificationActivated(activation);
  const view = popoverViewOf(intent);
  if (view) deps.show(view);
  else if (intent.kind === 'open-task-in-chamelio') deps.openLink(engine.linkFor(intent.taskId));
  else if (intent.kind === 'open-signed-document') {
    const opening = await engine.actions.openSignedDocumentWith(intent.taskId, deps.openDocument);
    if (opening.opened) return;
    deps.logger.info(`Open signed document (task ${intent.taskId}): ${opening.why} Showing the task instead.`);
    deps.show({ view: 'task', taskId: intent.taskId });
  }
}

export function createNotifier(deps: {
  platform: NodeJS.Platform;
  show: (view: PopoverView) => void;
  openLink: (url: string) => void;
  /** The engine, once made (null before). */
  engine: () => ActivationEngine | null;
  logger: Logger;
}): ElectronNotifier {
  const { logger } = deps;
  const openDocument = (url: string): Promise<boolean> => openInBrowser(url, logger, isDocumentUrl);
  return new ElectronNotifier({
    api: electronNotificationApi,
    platform: deps.platform,
    onActivation: (activation) =>
      inBackground('answering a notification', routeActivation(activation, { show: deps.show, openLink: deps.openLink, openDocument, engine: deps.engine(), logger }), logger),
    logger,
  });
}
