/**
 * Native notifications through Electron's `Notification`, injected so the logic runs without Electron.
 * Task titles and change texts come from the API: on Linux the notification body may be parsed as
 * markup (servers with `body-markup`), so `&`, `<` and `>` are escaped there. The title (summary) is
 * plain text in the freedesktop spec and other platforms show text literally, so nothing else is escaped.
 */
import type { Logger, Notifier } from '../core/app/ports.ts';
import type { PlannedNotification } from '../core/notify/PlannedNotification.ts';

export const MAX_TITLE_LENGTH = 120;
export const MAX_BODY_LENGTH = 400;

export function escapeNotificationMarkup(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

function cap(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}

export interface NotificationContent {
  title: string;
  body: string;
  /** What a click shows: the task for a single change, the list (null) for a summary. */
  focusTaskId: number | null;
  urgency: 'normal' | 'critical';
}

export function notificationContent(planned: PlannedNotification, platform: NodeJS.Platform): NotificationContent {
  const body = cap(planned.body, MAX_BODY_LENGTH);
  const single = planned.kind === 'single' && planned.taskIds.length === 1;
  return {
    title: cap(planned.title, MAX_TITLE_LENGTH),
    body: platform === 'linux' ? escapeNotificationMarkup(body) : body,
    focusTaskId: single ? (planned.taskIds[0] as number) : null,
    // libnotify's default urgency differs between docs and code: always say it.
    urgency: planned.assignedToYou ? 'critical' : 'normal',
  };
}

export interface ShownNotification {
  on(event: 'click' | 'close' | 'failed', listener: () => void): unknown;
  show(): void;
}

export interface NotificationApi {
  isSupported(): boolean;
  create(options: { title: string; body: string; urgency: 'normal' | 'critical'; silent: boolean }): ShownNotification;
}

/** Live notifications are kept referenced: a garbage-collected one loses its click handler. */
export const MAX_LIVE_NOTIFICATIONS = 20;

export class ElectronNotifier implements Notifier {
  private readonly live = new Set<ShownNotification>();
  private readonly api: NotificationApi;
  private readonly platform: NodeJS.Platform;
  private readonly onActivate: (taskId: number | null) => void;
  private readonly logger: Logger;
  private warnedUnsupported = false;

  constructor(deps: {
    api: NotificationApi;
    platform: NodeJS.Platform;
    onActivate: (taskId: number | null) => void;
    logger: Logger;
  }) {
    this.api = deps.api;
    this.platform = deps.platform;
    this.onActivate = deps.onActivate;
    this.logger = deps.logger;
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
    const content = notificationContent(planned, this.platform);
    const notification = this.api.create({
      title: content.title,
      body: content.body,
      urgency: content.urgency,
      silent: false,
    });
    const forget = (): void => {
      this.live.delete(notification);
    };
    notification.on('click', () => {
      forget();
      this.onActivate(content.focusTaskId);
    });
    notification.on('close', forget);
    notification.on('failed', forget);
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
}
