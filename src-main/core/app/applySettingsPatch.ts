import { isLoopbackUrl, parseApiBaseUrl } from '../chamelio/parseApiBaseUrl.ts';
import type { Settings, SettingsPatch, Theme } from './Settings.ts';

export type SettingsCheck = { ok: true; settings: Settings } | { ok: false; message: string; field: string };

const THEMES: readonly Theme[] = ['system', 'light', 'dark'];
const HH_MM = /^([01]\d|2[0-3]):[0-5]\d$/;
const NOTIFY_KEYS = ['status', 'completed', 'assignee', 'step', 'assignedToYou'] as const;

/** The shortest poll interval: 10 s against Chamelio; 1 s against a simulator on this machine. */
export function minPollSeconds(apiBaseUrl: string): number {
  return isLoopbackUrl(apiBaseUrl) ? 1 : 10;
}

/**
 * Applies a patch from the UI to the settings, checking every field: the UI is untrusted, and a
 * bad value is refused with the field named, leaving the settings as they were.
 */
export function applySettingsPatch(current: Settings, patch: SettingsPatch): SettingsCheck {
  if (typeof patch !== 'object' || patch === null) return fail('settings', 'Settings must be an object.');
  const next: Settings = { ...current, notify: { ...current.notify }, quietHours: { ...current.quietHours } };

  if (patch.apiBaseUrl !== undefined) {
    const parsed = typeof patch.apiBaseUrl === 'string' ? parseApiBaseUrl(patch.apiBaseUrl) : null;
    if (!parsed?.ok) return fail('apiBaseUrl', parsed?.message ?? 'The API address must be text.');
    next.apiBaseUrl = parsed.url;
  }
  if (patch.userEmail !== undefined) {
    const email = typeof patch.userEmail === 'string' ? patch.userEmail.trim() : null;
    if (email === null || email.length > 254 || (email !== '' && !/^[^\s@]+@[^\s@]+$/.test(email))) {
      return fail('userEmail', 'Enter an email address like you@example.com, or leave it empty.');
    }
    next.userEmail = email;
  }
  // Off this machine the shortest interval is longer: a simulator's 1 s must not reach Chamelio.
  next.pollIntervalSeconds = Math.max(next.pollIntervalSeconds, minPollSeconds(next.apiBaseUrl));
  if (patch.pollIntervalSeconds !== undefined) {
    const min = minPollSeconds(next.apiBaseUrl);
    const seconds = patch.pollIntervalSeconds;
    if (!Number.isInteger(seconds) || seconds < min || seconds > 3600) {
      return fail('pollIntervalSeconds', `The poll interval is a whole number of seconds from ${min} to 3600.`);
    }
    next.pollIntervalSeconds = seconds;
  }
  if (patch.rateLimitShare !== undefined) {
    const share = patch.rateLimitShare;
    if (typeof share !== 'number' || !(share >= 0.1 && share <= 1)) {
      return fail('rateLimitShare', 'The share of the rate limit is between 10 % and 100 %.');
    }
    next.rateLimitShare = share;
  }
  if (patch.notify !== undefined) {
    if (typeof patch.notify !== 'object' || patch.notify === null) return fail('notify', 'Notification kinds must be an object.');
    for (const key of NOTIFY_KEYS) {
      const value = patch.notify[key];
      if (value === undefined) continue;
      if (typeof value !== 'boolean') return fail(`notify.${key}`, 'A notification kind is on or off.');
      next.notify[key] = value;
    }
  }
  if (patch.quietHours !== undefined) {
    const quiet = patch.quietHours;
    if (typeof quiet !== 'object' || quiet === null) return fail('quietHours', 'Quiet hours must be an object.');
    if (quiet.enabled !== undefined) {
      if (typeof quiet.enabled !== 'boolean') return fail('quietHours.enabled', 'Quiet hours are on or off.');
      next.quietHours.enabled = quiet.enabled;
    }
    for (const key of ['start', 'end'] as const) {
      const value = quiet[key];
      if (value === undefined) continue;
      if (typeof value !== 'string' || !HH_MM.test(value)) return fail(`quietHours.${key}`, 'Times are written HH:MM, e.g. 22:00.');
      next.quietHours[key] = value;
    }
  }
  for (const key of ['launchAtLogin', 'keepOpen'] as const) {
    const value = patch[key];
    if (value === undefined) continue;
    if (typeof value !== 'boolean') return fail(key, 'This setting is on or off.');
    next[key] = value;
  }
  if (patch.theme !== undefined) {
    if (!THEMES.includes(patch.theme)) return fail('theme', 'The theme is system, light or dark.');
    next.theme = patch.theme;
  }
  if (patch.shortcut !== undefined) {
    if (typeof patch.shortcut !== 'string' || patch.shortcut.length > 100 || !/^[\x20-\x7e]*$/.test(patch.shortcut)) {
      return fail('shortcut', 'The shortcut is a key combination such as CommandOrControl+Shift+K.');
    }
    next.shortcut = patch.shortcut.trim();
  }
  return { ok: true, settings: next };
}

function fail(field: string, message: string): SettingsCheck {
  return { ok: false, field, message };
}
