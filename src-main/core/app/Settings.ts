import type { ChangeKind } from '../tasks/TaskChange.ts';

export type Theme = 'system' | 'light' | 'dark';

export interface QuietHours {
  enabled: boolean;
  /** Local time "HH:MM"; a window may cross midnight (22:00 → 07:00). */
  start: string;
  end: string;
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
  quietHours: { enabled: false, start: '22:00', end: '07:00' },
  launchAtLogin: false,
  theme: 'system',
  keepOpen: false,
  shortcut: 'CommandOrControl+Shift+K',
};
