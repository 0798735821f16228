import type { NotificationClick } from '../notify/notificationActions.ts';
import type { ChangeKind } from '../tasks/TaskChange.ts';

export type Theme = 'system' | 'light' | 'dark';

export interface QuietHours {
  enabled: boolean;
  /** Local time "HH:MM"; a window may cross midnight (22:00 → 07:00). */
  start: string;
  end: string;
  /**
   * Weekdays (0 = Sunday … 6 = Saturday) whose evening starts a quiet window; a night that crosses
   * midnight belongs to the day it starts on. Absent means every day.
   */
  days?: number[];
  /** Let "assigned to you" and approvals waiting on you through quiet hours. */
  letNeedsYouThrough?: boolean;
}

export interface Settings {
  /** The API's base URL: https, or http on loopback only (the simulator). */
  apiBaseUrl: string;
  /** The user's email in Chamelio, for "assigned to you". Empty when unknown. */
  userEmail: string;
  /** How often an active task is checked, in seconds. */
  pollIntervalSeconds: number;
  /** Share of the key's rate_limit_per_minute this app may spend (0.1 – 1). */
  rateLimitShare: number;
  /** One toggle per change kind, and one for "assigned to you" that wins over `assignee`. */
  notify: Record<ChangeKind, boolean> & { assignedToYou: boolean };
  quietHours: QuietHours;
  launchAtLogin: boolean;
  theme: Theme;
  /** Keep the popover open when it loses focus. */
  keepOpen: boolean;
  /** Electron accelerator that toggles the popover; empty for none. */
  shortcut: string;
  /** Keep task titles and people out of notifications and the tray ("Task 12345", "A task changed"). */
  privateNotifications: boolean;
  /** What clicking a notification opens: the popover at the task, or the task in Chamelio. */
  notificationClick: NotificationClick;
}

export type SettingsPatch = Partial<Omit<Settings, 'notify' | 'quietHours'>> & {
  notify?: Partial<Settings['notify']>;
  quietHours?: Partial<QuietHours>;
};

export const DEFAULT_API_BASE_URL = 'https://platform.chamelio.ai';
export const CHAMELIO_APP_HOST = 'app.chamelio.ai';

export const DEFAULT_SETTINGS: Settings = {
  apiBaseUrl: DEFAULT_API_BASE_URL,
  userEmail: '',
  pollIntervalSeconds: 30,
  rateLimitShare: 0.5,
  notify: { status: true, completed: true, assignee: true, step: false, assignedToYou: true },
  quietHours: { enabled: false, start: '22:00', end: '07:00', days: [0, 1, 2, 3, 4, 5, 6], letNeedsYouThrough: false },
  launchAtLogin: false,
  theme: 'system',
  keepOpen: false,
  shortcut: 'CommandOrControl+Shift+K',
  privateNotifications: false,
  notificationClick: 'popover',
};
