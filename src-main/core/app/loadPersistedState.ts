import { validateTask } from '../chamelio/validate.ts';
import { ACTIVITY_CAP, type ActivityEntry } from './Activity.ts';
import { applySettingsPatch } from './applySettingsPatch.ts';
import { MAX_PINS } from './PinList.ts';
import { pinTriage } from './pinTriage.ts';
import { SCHEMA_VERSION, type PersistedPin, type PersistedState } from './PersistedState.ts';
import { DEFAULT_SETTINGS, type Settings, type SettingsPatch } from './Settings.ts';

export function emptyState(): PersistedState {
  return { schemaVersion: SCHEMA_VERSION, settings: DEFAULT_SETTINGS, pinned: [], activity: [], notificationsPausedUntil: null };
}

/**
 * Reads what the store returned, trusting none of it: a file may be damaged, edited by hand or
 * written by another version. Whatever is valid is kept, field by field; nothing throws.
 * Migrations from older schema versions go here, one step per version.
 */
export function loadPersistedState(raw: unknown): PersistedState {
  if (!isObject(raw)) return emptyState();
  return {
    schemaVersion: SCHEMA_VERSION,
    settings: loadSettings(raw.settings),
    pinned: loadPins(raw.pinned),
    activity: loadActivity(raw.activity),
    notificationsPausedUntil: typeof raw.notificationsPausedUntil === 'number' ? raw.notificationsPausedUntil : null,
  };
}

function loadSettings(raw: unknown): Settings {
  let settings = DEFAULT_SETTINGS;
  if (!isObject(raw)) return settings;
  // apiBaseUrl first: the minimum poll interval depends on it.
  const keys = Object.keys(raw).sort((a, b) => Number(b === 'apiBaseUrl') - Number(a === 'apiBaseUrl'));
  for (const key of keys) {
    const checked = applySettingsPatch(settings, { [key]: raw[key] } as SettingsPatch);
    if (checked.ok) settings = checked.settings;
  }
  return settings;
}

function loadPins(raw: unknown): PersistedPin[] {
  if (!Array.isArray(raw)) return [];
  const seen = new Set<number>();
  const pins: PersistedPin[] = [];
  for (const item of raw) {
    if (!isObject(item) || !Number.isSafeInteger(item.id) || (item.id as number) <= 0) continue;
    const id = item.id as number;
    if (seen.has(id)) continue;
    // A file written past the limit (by hand, or before there was one) keeps the first MAX_PINS.
    if (pins.length >= MAX_PINS) break;
    seen.add(id);
    const snapshot = item.snapshot === null || item.snapshot === undefined ? null : validateTask({ task: item.snapshot });
    pins.push({
      id,
      pinnedAt: typeof item.pinnedAt === 'number' ? item.pinnedAt : 0,
      snapshot: snapshot?.ok && snapshot.value.task_id === id ? snapshot.value : null,
      unseen: item.unseen === true,
      unavailable: item.unavailable === true,
      ...pinTriage(item),
    });
  }
  return pins;
}

function loadActivity(raw: unknown): ActivityEntry[] {
  if (!Array.isArray(raw)) return [];
  return raw
    .filter(
      (e): e is ActivityEntry =>
        isObject(e) &&
        typeof e.id === 'string' &&
        typeof e.at === 'number' &&
        typeof e.taskId === 'number' &&
        typeof e.taskTitle === 'string' &&
        typeof e.kind === 'string' &&
        typeof e.text === 'string',
    )
    .map((e) => ({ ...e, assignedToYou: e.assignedToYou === true }))
    .slice(0, ACTIVITY_CAP);
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
