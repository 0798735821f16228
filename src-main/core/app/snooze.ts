/**
 * Snoozing one task: what the user can choose, what is kept while it lasts, and when it ends.
 * Pure: "now" and the time zone are passed in, so every rule is tested on a fake clock.
 */
import { CHANGE_KINDS, type TaskChange } from '../tasks/TaskChange.ts';
import { atLocalTime, localMoment } from './localTime.ts';

/** What the snooze menu offers. `until` is a time the user picked (ms since epoch). */
export type SnoozeChoice =
  | { kind: 'hour' }
  | { kind: 'tomorrow' }
  | { kind: 'next-monday' }
  | { kind: 'until'; at: number }
  | { kind: 'until-change' };

/** Every choice's kind, for checking a choice that came over the bridge (contract/triageArgs.ts). */
export const SNOOZE_CHOICE_KINDS = ['hour', 'tomorrow', 'next-monday', 'until', 'until-change'] as const satisfies readonly SnoozeChoice['kind'][];

/**
 * A snooze in force. A timed one keeps the changes it swallowed (`missed`), to announce them once
 * when it ends; "until it changes" ends with the next change, which is notified as usual.
 */
export type Snooze =
  | { kind: 'timed'; since: number; until: number; missed: TaskChange[] }
  | { kind: 'until-change'; since: number };

/** The morning hour "tomorrow" and "next Monday" mean. */
const SNOOZE_MORNING_HOUR = 9;
const HOUR_MS = 60 * 60_000;
/** A chosen time further out than this is refused: a typo, not a plan. */
const MAX_SNOOZE_MS = 366 * 24 * HOUR_MS;
/** Changes kept per snoozed task for its wake-up notification; the history keeps them all. */
export const MAX_MISSED_CHANGES = 20;

type SnoozeCheck = { ok: true; snooze: Snooze } | { ok: false; message: string };

/** The snooze a choice makes now, or why it cannot be made. */
export function makeSnooze(choice: SnoozeChoice, now: number, timeZone: string): SnoozeCheck {
  if (choice.kind === 'until-change') return { ok: true, snooze: { kind: 'until-change', since: now } };
  const until = wakeTime(choice, now, timeZone);
  if (until === null || !Number.isSafeInteger(until) || until <= now) {
    return { ok: false, message: 'Pick a time in the future.' };
  }
  if (until - now > MAX_SNOOZE_MS) return { ok: false, message: 'A snooze lasts at most a year.' };
  return { ok: true, snooze: { kind: 'timed', since: now, until, missed: [] } };
}

function wakeTime(choice: Exclude<SnoozeChoice, { kind: 'until-change' }>, now: number, timeZone: string): number | null {
  const today = localMoment(now, timeZone);
  switch (choice.kind) {
    case 'hour':
      return now + HOUR_MS;
    case 'tomorrow':
      return atLocalTime({ ...today, day: today.day + 1 }, SNOOZE_MORNING_HOUR, 0, timeZone);
    case 'next-monday': {
      // Always a Monday after today: on a Monday it is the one a week later.
      const days = ((8 - today.weekday) % 7) || 7;
      return atLocalTime({ ...today, day: today.day + days }, SNOOZE_MORNING_HOUR, 0, timeZone);
    }
    case 'until':
      return typeof choice.at === 'number' ? choice.at : null;
  }
}

// --- reading it back from disk ---------------------------------------------------------------------

/** A snooze from the state file, trusting nothing; anything unreadable is no snooze. */
export function loadSnooze(raw: unknown): Snooze | null {
  if (!isObject(raw) || !isTime(raw.since)) return null;
  if (raw.kind === 'until-change') return { kind: 'until-change', since: raw.since };
  if (raw.kind !== 'timed' || !isTime(raw.until)) return null;
  const missed = Array.isArray(raw.missed) ? raw.missed.map(loadTaskChange).filter((c) => c !== null) : [];
  return { kind: 'timed', since: raw.since, until: raw.until, missed: missed.slice(-MAX_MISSED_CHANGES) };
}

function loadTaskChange(raw: unknown): TaskChange | null {
  if (!isObject(raw) || !CHANGE_KINDS.includes(raw.kind as TaskChange['kind'])) return null;
  switch (raw.kind) {
    case 'status':
      return typeof raw.from === 'string' && typeof raw.to === 'string' ? { kind: 'status', from: raw.from, to: raw.to } : null;
    case 'completed':
      return typeof raw.from === 'string' ? { kind: 'completed', from: raw.from } : null;
    case 'assignee': {
      const change = raw.change;
      if (change !== 'assigned' && change !== 'reassigned' && change !== 'unassigned') return null;
      if (!isTextOrNull(raw.from) || !isTextOrNull(raw.to)) return null;
      return { kind: 'assignee', change, from: raw.from, to: raw.to };
    }
    case 'step': {
      const from = loadStep(raw.from);
      const to = loadStep(raw.to);
      return from && to ? { kind: 'step', from, to } : null;
    }
  }
  return null;
}

function loadStep(raw: unknown): { id: string | null; name: string | null; type: string | null } | null {
  if (!isObject(raw) || !isTextOrNull(raw.id) || !isTextOrNull(raw.name) || !isTextOrNull(raw.type)) return null;
  return { id: raw.id, name: raw.name, type: raw.type };
}

function isTime(value: unknown): value is number {
  return typeof value === 'number' && Number.isSafeInteger(value) && value >= 0;
}

function isTextOrNull(value: unknown): value is string | null {
  return value === null || typeof value === 'string';
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
