/**
 * When a pinned task is looked at next: its class's interval, stretched so every pinned task fits
 * the budget, with jitter; after an error, a backoff that never exceeds one interval. Pure rules over
 * one task's Schedule; TaskMonitor owns the schedules, the budget and the pauses.
 */
import type { ApiResult } from '../chamelio/ApiError.ts';
import { isTerminalStatus, type Task } from '../chamelio/Task.ts';

/** How often a task needs looking at: running tasks often, finished ones rarely, missing ones slowly. */
export type PollClass = 'active' | 'terminal' | 'unavailable';

export interface Schedule {
  pollClass: PollClass;
  dueAt: number;
  /** When its last request was sent; null before the first. */
  polledAt: number | null;
  failures: number;
  inFlight: boolean;
  /** Unpinned while its request was out: kept until the answer is in, so an undo sends no second one. */
  removed: boolean;
}

/** A finished task is looked at this many times less often than a running one. */
export const TERMINAL_FACTOR = 60;
export const UNAVAILABLE_INTERVAL_MS = 10 * 60_000;

export function baseInterval(pollClass: PollClass, intervalMs: number): number {
  if (pollClass === 'active') return intervalMs;
  if (pollClass === 'terminal') return intervalMs * TERMINAL_FACTOR;
  return Math.max(UNAVAILABLE_INTERVAL_MS, intervalMs);
}

/** By how much every interval is stretched so that all these tasks fit the budget (1 = not at all). */
export function stretchFor(schedules: Iterable<Schedule>, intervalMs: number, budgetPerMinute: number): number {
  let perMinute = 0;
  for (const schedule of schedules) if (!schedule.removed) perMinute += 60_000 / baseInterval(schedule.pollClass, intervalMs);
  return Math.max(1, perMinute / budgetPerMinute);
}

interface ScheduleRules {
  now: number;
  intervalMs: number;
  stretch: number;
  random: () => number;
}

/**
 * After an answer that concerns this task alone (a task, a 404, a network or server error): sets
 * when it is due next. A 429 or a 401 concerns the key, so TaskMonitor handles those.
 */
export function rescheduleAfter(schedule: Schedule, result: ApiResult<Task>, rules: ScheduleRules): void {
  const interval = (pollClass: PollClass): number => baseInterval(pollClass, rules.intervalMs) * rules.stretch;
  // ±10 %, so tasks pinned together drift apart instead of arriving in bursts.
  const jittered = (ms: number): number => ms * (0.9 + rules.random() * 0.2);
  if (result.ok) {
    schedule.failures = 0;
    schedule.pollClass = isTerminalStatus(result.value.status) ? 'terminal' : 'active';
    schedule.dueAt = rules.now + jittered(interval(schedule.pollClass));
  } else if (result.error.kind === 'not-found') {
    schedule.failures = 0;
    schedule.pollClass = 'unavailable';
    schedule.dueAt = rules.now + jittered(interval('unavailable'));
  } else {
    // network, timeout, server, bad-response: back off, but look again within one (stretched)
    // interval, so a recovery is noticed as soon as a normal poll would notice it.
    schedule.failures++;
    const cap = interval(schedule.pollClass);
    const backoff = Math.min(cap, (cap / 8) * 2 ** (schedule.failures - 1));
    schedule.dueAt = rules.now + backoff * (0.5 + rules.random() / 2);
  }
}
