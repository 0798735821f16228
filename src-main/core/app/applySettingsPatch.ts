import { isLoopbackUrl, parseApiBaseUrl } from '../chamelio/parseApiBaseUrl.ts';
import type { Settings, SettingsPatch, Theme } from './Settings.ts';
import { applyTriageSettings } from './triageSettings.ts';

type SettingsCheck = { ok: true; settings: Settings } | { ok: false; message: string; field: string };

type Refusal = { field: string; message: string };

/**
 * One rule per setting: reads its part of the patch (absent: nothing to do), checks it and writes
 * it into `next`, or says what is wrong. `next` is a copy the caller discards on any refusal.
 */
interface FieldRule {
  field: string;
  apply(next: Settings, patch: SettingsPatch): Refusal | null;
}

const THEMES: readonly Theme[] = ['system', 'light', 'dark'];
const HH_MM = /^([01]\d|2[0-3]):[0-5]\d$/;
const EMAIL = /^[^\s@]+@[^\s@]+$/;
const PRINTABLE_ASCII = /^[\x20-\x7e]*$/;
const NOTIFY_KEYS = ['status', 'completed', 'assignee', 'step', 'assignedToYou'] as const;

/** The shortest poll interval: 10 s against Chamelio; 1 s against a simulator on this machine. */
export function minPollSeconds(apiBaseUrl: string): number {
  return isLoopbackUrl(apiBaseUrl) ? 1 : 10;
}

const refuse = (field: string, message: string): Refusal => ({ field, message });

function onOff(field: 'launchAtLogin' | 'keepOpen'): FieldRule {
  return {
    field,
    apply(next, patch) {
      const value = patch[field];
      if (value === undefined) return null;
      if (typeof value !== 'boolean') return refuse(field, 'This setting is on or off.');
      next[field] = value;
      return null;
    },
  };
}

/** Applied in this order: the API address first, because the shortest poll interval depends on it. */
const RULES: readonly FieldRule[] = [
  {
    field: 'apiBaseUrl',
    apply(next, { apiBaseUrl }) {
      if (apiBaseUrl === undefined) return null;
      const parsed = typeof apiBaseUrl === 'string' ? parseApiBaseUrl(apiBaseUrl) : null;
      if (!parsed?.ok) return refuse('apiBaseUrl', parsed?.message ?? 'The API address must be text.');
      next.apiBaseUrl = parsed.url;
      return null;
    },
  },
  {
    field: 'userEmail',
    apply(next, { userEmail }) {
      if (userEmail === undefined) return null;
      const email = typeof userEmail === 'string' ? userEmail.trim() : null;
      if (email === null || email.length > 254 || (email !== '' && !EMAIL.test(email))) {
        return refuse('userEmail', 'Enter an email address like you@example.com, or leave it empty.');
      }
      next.userEmail = email;
      return null;
    },
  },
  {
    field: 'pollIntervalSeconds',
    apply(next, { pollIntervalSeconds: seconds }) {
      const min = minPollSeconds(next.apiBaseUrl);
      // Off this machine the shortest interval is longer: a simulator's 1 s must not reach Chamelio.
      next.pollIntervalSeconds = Math.max(next.pollIntervalSeconds, min);
      if (seconds === undefined) return null;
      if (!Number.isInteger(seconds) || seconds < min || seconds > 3600) {
        return refuse('pollIntervalSeconds', `The poll interval is a whole number of seconds from ${min} to 3600.`);
      }
      next.pollIntervalSeconds = seconds;
      return null;
    },
  },
  {
    field: 'rateLimitShare',
    apply(next, { rateLimitShare: share }) {
      if (share === undefined) return null;
      if (typeof share !== 'number' || !(share >= 0.1 && share <= 1)) {
        return refuse('rateLimitShare', 'The share of the rate limit is between 10 % and 100 %.');
      }
      next.rateLimitShare = share;
      return null;
    },
  },
  {
    field: 'notify',
    apply(next, { notify }) {
      if (notify === undefined) return null;
      if (typeof notify !== 'object' || notify === null || Array.isArray(notify)) return refuse('notify', 'Notification kinds must be an object.');
      for (const key of NOTIFY_KEYS) {
        const value = notify[key];
        if (value === undefined) continue;
        if (typeof value !== 'boolean') return refuse(`notify.${key}`, 'A notification kind is on or off.');
        next.notify[key] = value;
      }
      return null;
    },
  },
  {
    field: 'quietHours',
    apply(next, { quietHours: quiet }) {
      if (quiet === undefined) return null;
      if (typeof quiet !== 'object' || quiet === null || Array.isArray(quiet)) return refuse('quietHours', 'Quiet hours must be an object.');
      if (quiet.enabled !== undefined) {
        if (typeof quiet.enabled !== 'boolean') return refuse('quietHours.enabled', 'Quiet hours are on or off.');
        next.quietHours.enabled = quiet.enabled;
      }
      for (const key of ['start', 'end'] as const) {
        const value = quiet[key];
        if (value === undefined) continue;
        if (typeof value !== 'string' || !HH_MM.test(value)) return refuse(`quietHours.${key}`, 'Times are written HH:MM, e.g. 22:00.');
        next.quietHours[key] = value;
      }
      return null;
    },
  },
  onOff('launchAtLogin'),
  onOff('keepOpen'),
  {
    field: 'theme',
    apply(next, { theme }) {
      if (theme === undefined) return null;
      if (!THEMES.includes(theme)) return refuse('theme', 'The theme is system, light or dark.');
      next.theme = theme;
      return null;
    },
  },
  {
    field: 'shortcut',
    apply(next, { shortcut }) {
      if (shortcut === undefined) return null;
      if (typeof shortcut !== 'string' || shortcut.length > 100 || !PRINTABLE_ASCII.test(shortcut)) {
        return refuse('shortcut', 'The shortcut is a key combination such as CommandOrControl+Shift+K.');
      }
      next.shortcut = shortcut.trim();
      return null;
    },
  },
];

/**
 * Applies a patch from the UI to the settings, checking every field by its rule, in the rules'
 * order: the UI is untrusted, and a bad value is refused with the field named, leaving the
 * settings as they were.
 */
export function applySettingsPatch(current: Settings, patch: SettingsPatch): SettingsCheck {
  if (typeof patch !== 'object' || patch === null) return { ok: false, field: 'settings', message: 'Settings must be an object.' };
  const next: Settings = { ...current, notify: { ...current.notify }, quietHours: { ...current.quietHours } };
  for (const rule of RULES) {
    const refusal = rule.apply(next, patch);
    if (refusal) return { ok: false, ...refusal };
  }
  const triage = applyTriageSettings(next, patch);
  if (!triage.ok) return triage;
  return { ok: true, settings: next };
}
