/**
 * Native notifications through Electron's `Notification`, injected so the logic runs without Electron.
 * Task titles and change texts come from the API: on Linux the notification body may be parsed as
 * markup (servers with `body-markup`), so `&`, `<` and `>` are escaped there. The title (summary) is
 * plain text in the freedesktop spec and other platforms show text literally, so nothing else is escaped.
 */
import type { Logger, Notifier } from '../core/app/ports.ts';
import type { NotificationActionId, NotificationActivation, PlannedNotification } from '../core/notify/PlannedNotification.ts';
import { truncate } from '../core/base/truncate.ts';
import { toastXml, parseToastArguments } from './windowsToast.ts';

const MAX_TITLE_LENGTH = 120;
const MAX_BODY_LENGTH = 400;

export function escapeNotificationMarkup(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}


interface NotificationContent {
  title: string;
  body: string;
  urgency: 'normal' | 'critical';
}

export function notificationContent(planned: PlannedNotification, platform: NodeJS.Platform): NotificationContent {
  const body = truncate(planned.body, MAX_BODY_LENGTH);
  return {
    title: truncate(planned.title, MAX_TITLE_LENGTH),
    body: platform === 'linux' ? escapeNotificationMarkup(body) : body,
    // libnotify's default urgency differs between docs and code: always say it.
    urgency: planned.assignedToYou ? 'critical' : 'normal',
  };
}

/** Electron's NotificationConstructorOptions, as far as we use them. */
export interface NotificationOptions {
  /** darwin, win32: the notification's identifier (macOS request id, Windows toast tag). */
  id: string;
  title: string;
  body: string;
  urgency: 'normal' | 'critical';
  silent: boolean;
  /** macOS buttons; Linux shows none, Windows gets them through toastXml. */
  actions?: { type: 'button'; text: string }[];
  /** win32 only: supersedes every other property. */
  toastXml?: string;
}

/** The events of Electron's Notification that we listen to (electron.d.ts, class Notification). */
export interface ShownNotification {
  on(event: 'click', listener: () => void): unknown;
  on(event: 'action', listener: (details: { actionIndex: number }) => void): unknown;
  on(event: 'close', listener: (details: { reason?: 'userCanceled' | 'applicationHidden' | 'timedOut' }) => void): unknown;
  on(event: 'failed', listener: (event: unknown, error: string) => void): unknown;
  show(): void;
}

/** Notification.handleActivation's details (ActivationArguments), as far as we read them. */
export interface ActivationDetails {
  type: string;
  arguments: string;
}

export interface NotificationApi {
  isSupported(): boolean;
  create(options: NotificationOptions): ShownNotification;
  /** win32: every click and button, the app's own cold start from a toast included. */
  handleActivation(callback: (details: ActivationDetails) => void): void;
}

/**
 * Live notifications are kept referenced: a garbage-collected one loses its click handler. On
 * Windows a toast that timed out sits in the Action Center and can still be clicked (electron.d.ts,
 * 'close': emitted "via system timeout"; reason `timedOut`), so that close does not let go of it.
 */
export const MAX_LIVE_NOTIFICATIONS = 20;
/** Windows shows at most five buttons on a toast. */
const MAX_TOAST_ACTIONS = 5;

export class ElectronNotifier implements Notifier {
  private readonly live = new Set<ShownNotification>();
  private readonly api: NotificationApi;
  private readonly platform: NodeJS.Platform;
  private readonly onActivation: (activation: NotificationActivation) => void;
  private readonly logger: Logger;
  private warnedUnsupported = false;

  constructor(deps: {
    api: NotificationApi;
    platform: NodeJS.Platform;
    /** Every click and every button, on every platform, comes out here. */
    onActivation: (activation: NotificationActivation) => void;
    logger: Logger;
  }) {
    this.api = deps.api;
    this.platform = deps.platform;
    this.onActivation = deps.onActivation;
    this.logger = deps.logger;
  }

  /**
   * Windows: take activations from handleActivation only, which also delivers those that happened
   * before this call (a cold start from a toast) and for toasts no longer in memory. It runs "in
   * addition to instance events", so on Windows the instance's click and action are not listened to.
   */
  start(): void {
    if (this.platform !== 'win32') return;
    this.api.handleActivation((details) => {
      const activation = parseToastArguments(details.arguments);
      if (activation) this.onActivation(activation);
      else this.logger.warn('a notification activation that is not ours', { type: details.type });
    });
  }

  isSupported(): boolean {
    return this.api.isSupported();
  }

  show(planned: PlannedNotification): void {
    if (!this.api.isSupported()) {
      // The engine has already written the change to the activity history; that is the record.
      if (!this.warnedUnsupported) this.logger.warn('desktop notifications are not supported here');
      this.warnedUnsupported = true;
      return;
    }
    const notification = this.api.create(this.options(planned));
    this.listen(notification, planned);
    this.live.add(notification);
    if (this.live.size > MAX_LIVE_NOTIFICATIONS) {
      const oldest = this.live.values().next().value;
      if (oldest) this.live.delete(oldest);
    }
    notification.show();
  }

  liveCount(): number {
    return this.live.size;
  }

  private options(planned: PlannedNotification): NotificationOptions {
    const content = notificationContent(planned, this.platform);
    const options: NotificationOptions = { id: planned.id, title: content.title, body: content.body, urgency: content.urgency, silent: false };
    const actions = planned.actions ?? [];
    if (this.platform === 'win32') {
      options.toastXml = toastXml({ ...planned, title: content.title, body: content.body, actions: actions.slice(0, MAX_TOAST_ACTIONS) });
    } else if (this.platform === 'darwin' && actions.length > 0) {
      options.actions = actions.map((a) => ({ type: 'button', text: a.label }));
    }
    return options;
  }

  private listen(notification: ShownNotification, planned: PlannedNotification): void {
    const forget = (): void => {
      this.live.delete(notification);
    };
    const activate = (actionId: NotificationActionId | null): void => {
      this.onActivation({ notificationId: planned.id, taskIds: [...planned.taskIds], actionId });
    };
    if (this.platform !== 'win32') {
      notification.on('click', () => activate(null));
      notification.on('action', (details) => {
        const action = planned.actions?.[details.actionIndex];
        if (action) activate(action.id);
      });
    }
    notification.on('close', (details) => {
      if (details?.reason !== 'timedOut') forget();
    });
    notification.on('failed', (_event, error) => {
      forget();
      // macOS: an unsigned build gets this instead of a notification.
      this.logger.warn('a notification could not be shown', { error: String(error) });
    });
  }
}
