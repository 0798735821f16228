import { validateTask } from '../chamelio/validate.ts';
import { isNotificationLevel } from '../notify/taskNotificationLevel.ts';
import { ACTIVITY_CAP, type ActivityEntry } from './Activity.ts';
import { applySettingsPatch } from './applySettingsPatch.ts';
import { MAX_PINS } from './PinList.ts';
import { pinTriage } from './pinTriage.ts';
import { SCHEMA_VERSION, type PersistedPin, type PersistedState } from './PersistedState.ts';
import { DEFAULT_SETTINGS, type Settings, type SettingsPatch } from './Settings.ts';
import { loadSnooze } from './snooze.ts';

export function emptyState(): PersistedState {
  return { schemaVersion: SCHEMA_VERSION, settings: DEFAULT_SETTINGS, pinned: [], activity: [], notificationsPausedUntil: null };
}

/** The state read from a file, and what in it could not be read and was left out, in plain words. */
interface ReadState {
  state: PersistedState;
  /** "the setting theme", "2 pinned tasks", …: empty when the file was read whole. */
  leftOut: string[];
}

const STATE_FIELDS: ReadonlySet<string> = new Set(['schemaVersion', 'settings', 'pinned', 'activity', 'notificationsPausedUntil']);

/**
 * Reads what the store returned, trusting none of it: a file may be damaged, edited by hand or
 * written by another version. Whatever is valid is kept, field by field; nothing throws. What is
 * left out is said, so the caller can keep the file aside before a save overwrites it.
 * Migrations from older schema versions go here, one step per version.
 */
export function readPersistedState(raw: unknown): ReadState {
  if (!isObject(raw)) return { state: emptyState(), leftOut: [] };
  const leftOut = new LeftOut();
  for (const key of Object.keys(raw)) if (!STATE_FIELDS.has(key)) leftOut.add(`the unknown field "${key.slice(0, 40)}"`);
  const paused = raw.notificationsPausedUntil;
  if (paused !== undefined && paused !== null && typeof paused !== 'number') leftOut.add('the pause of notifications');
  const state: PersistedState = {
    schemaVersion: SCHEMA_VERSION,
    settings: loadSettings(raw.settings, leftOut),
    pinned: loadPins(raw.pinned, leftOut),
    activity: loadActivity(raw.activity, leftOut),
    notificationsPausedUntil: typeof paused === 'number' ? paused : null,
  };
  return { state, leftOut: leftOut.list() };
}

/** The state alone, for callers with no one to tell (tests, the benchmark). */
export function loadPersistedState(raw: unknown): PersistedState {
  return readPersistedState(raw).state;
}

/** Counts what was left out by what it was: "2 pinned tasks", "the settings". */
class LeftOut {
  private readonly counts = new Map<string, { one: string; many: string; n: number }>();

  add(one: string, many = one): void {
    const entry = this.counts.get(one) ?? { one, many, n: 0 };
    entry.n++;
    this.counts.set(one, entry);
  }

  list(): string[] {
    return [...this.counts.values()].map(({ one, many, n }) => (n === 1 ? one : `${n.toLocaleString('en-US')} ${many}`));
  }
}

function loadSettings(raw: unknown, leftOut: LeftOut): Settings {
  let settings = DEFAULT_SETTINGS;
  if (raw === undefined) return settings;
  if (!isObject(raw)) {
    leftOut.add('the settings');
    return settings;
  }
  // apiBaseUrl first: the minimum poll interval depends on it.
  const keys = Object.keys(raw).sort((a, b) => Number(b === 'apiBaseUrl') - Number(a === 'apiBaseUrl'));
  for (const key of keys) {
    const checked = Object.hasOwn(DEFAULT_SETTINGS, key) ? applySettingsPatch(settings, { [key]: raw[key] } as SettingsPatch) : null;
    if (checked?.ok) settings = checked.settings;
    else leftOut.add(`the setting "${key.slice(0, 40)}"`);
  }
  return settings;
}

function loadPins(raw: unknown, leftOut: LeftOut): PersistedPin[] {
  if (raw === undefined) return [];
  if (!Array.isArray(raw)) {
    leftOut.add('the list of pinned tasks');
    return [];
  }
  const seen = new Set<number>();
  const pins: PersistedPin[] = [];
  for (const item of raw) {
    if (!isObject(item) || !Number.isSafeInteger(item.id) || (item.id as number) <= 0) {
      leftOut.add('a pinned task that could not be read', 'pinned tasks that could not be read');
      continue;
    }
    const id = item.id as number;
    if (seen.has(id)) {
      leftOut.add('a task pinned twice', 'tasks pinned twice');
      continue;
    }
    // A file written past the limit (by hand, or before there was one) keeps the first MAX_PINS.
    if (pins.length >= MAX_PINS) {
      leftOut.add(`a pin past the limit of ${MAX_PINS.toLocaleString('en-US')}`, `pins past the limit of ${MAX_PINS.toLocaleString('en-US')}`);
      continue;
    }
    seen.add(id);
    pins.push(loadPin(item, id, leftOut));
  }
  return pins;
}

function loadPin(item: Record<string, unknown>, id: number, leftOut: LeftOut): PersistedPin {
  const snapshot = item.snapshot === null || item.snapshot === undefined ? null : validateTask({ task: item.snapshot });
  const kept = snapshot?.ok && snapshot.value.task_id === id ? snapshot.value : null;
  if (snapshot !== null && kept === null) leftOut.add('the last seen state of a task (fetched again)', 'last seen states of tasks (fetched again)');
  const wrong = (key: string, type: string) => item[key] !== undefined && typeof item[key] !== type;
  const badSnooze = item.snooze !== undefined && item.snooze !== null && loadSnooze(item.snooze) === null;
  const badLevel = item.notificationLevel !== undefined && !isNotificationLevel(item.notificationLevel);
  if (wrong('pinnedAt', 'number') || wrong('unseen', 'boolean') || wrong('unavailable', 'boolean') || badSnooze || badLevel) {
    leftOut.add('a detail of a pinned task', 'details of pinned tasks');
  }
  return {
    id,
    pinnedAt: typeof item.pinnedAt === 'number' ? item.pinnedAt : 0,
    snapshot: kept,
    unseen: item.unseen === true,
    unavailable: item.unavailable === true,
    ...pinTriage(item),
  };
}

function loadActivity(raw: unknown, leftOut: LeftOut): ActivityEntry[] {
  if (raw === undefined) return [];
  if (!Array.isArray(raw)) {
    leftOut.add('the history');
    return [];
  }
  const entries = raw.filter(isActivityEntry);
  const unread = raw.length - entries.length;
  for (let i = 0; i < unread; i++) leftOut.add('an entry of the history', 'entries of the history');
  for (const e of entries) if (e.assignedToYou !== undefined && typeof e.assignedToYou !== 'boolean') leftOut.add('a detail of an entry of the history', 'details of entries of the history');
  return entries.map((e) => ({ ...e, assignedToYou: e.assignedToYou === true })).slice(0, ACTIVITY_CAP);
}

function isActivityEntry(e: unknown): e is ActivityEntry {
  return (
    isObject(e) &&
    typeof e.id === 'string' &&
    typeof e.at === 'number' &&
    typeof e.taskId === 'number' &&
    typeof e.taskTitle === 'string' &&
    typeof e.kind === 'string' &&
    typeof e.text === 'string'
  );
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
