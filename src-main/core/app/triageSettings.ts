/**
 * The settings of issue 11 (privacy, what a click opens, quiet hours by weekday and who may break
 * through them), checked like every other field: a bad value is refused with the field named.
 */
import type { Settings, SettingsPatch } from './Settings.ts';

type TriageSettingsCheck = { ok: true } | { ok: false; message: string; field: string };

/** Applies the triage fields of `patch` to `next` (a copy the caller owns), or names the bad one. */
export function applyTriageSettings(next: Settings, patch: SettingsPatch): TriageSettingsCheck {
  if (patch.privateNotifications !== undefined) {
    if (typeof patch.privateNotifications !== 'boolean') return fail('privateNotifications', 'This setting is on or off.');
    next.privateNotifications = patch.privateNotifications;
  }
  if (patch.notificationClick !== undefined) {
    if (patch.notificationClick !== 'popover' && patch.notificationClick !== 'chamelio') {
      return fail('notificationClick', 'A click opens the popover or the task in Chamelio.');
    }
    next.notificationClick = patch.notificationClick;
  }
  const quiet = patch.quietHours;
  if (typeof quiet !== 'object' || quiet === null) return { ok: true };
  if (quiet.days !== undefined) {
    const days = quiet.days;
    if (!Array.isArray(days) || days.length > 7 || !days.every((d) => Number.isInteger(d) && d >= 0 && d <= 6)) {
      return fail('quietHours.days', 'Quiet days are weekdays, 0 (Sunday) to 6 (Saturday).');
    }
    next.quietHours.days = [...new Set(days)].sort((a, b) => a - b);
  }
  if (quiet.letNeedsYouThrough !== undefined) {
    if (typeof quiet.letNeedsYouThrough !== 'boolean') return fail('quietHours.letNeedsYouThrough', 'This setting is on or off.');
    next.quietHours.letNeedsYouThrough = quiet.letNeedsYouThrough;
  }
  return { ok: true };
}

function fail(field: string, message: string): TriageSettingsCheck {
  return { ok: false, field, message };
}
