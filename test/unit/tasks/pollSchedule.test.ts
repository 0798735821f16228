import { describe, expect, it } from 'vitest';
import { baseInterval, rescheduleAfter, stretchFor, TERMINAL_FACTOR, UNAVAILABLE_INTERVAL_MS, type Schedule } from '../../../src-main/core/tasks/pollSchedule.ts';
import { makeTask } from '../../support/makeTask.ts';

const fresh = (over: Partial<Schedule> = {}): Schedule => ({ pollClass: 'active', dueAt: 0, polledAt: 0, failures: 0, inFlight: false, removed: false, ...over });
const rules = (random = 0.5) => ({ now: 1_000_000, intervalMs: 60_000, stretch: 1, random: () => random });

describe('pollSchedule', () => {
  it('a finished task is looked at 60 times less often; a missing one at least every 10 minutes', () => {
    expect(baseInterval('active', 60_000)).toBe(60_000);
    expect(baseInterval('terminal', 60_000)).toBe(60_000 * TERMINAL_FACTOR);
    expect(baseInterval('unavailable', 60_000)).toBe(UNAVAILABLE_INTERVAL_MS);
    expect(baseInterval('unavailable', 20 * 60_000)).toBe(20 * 60_000);
  });

  it('stretches every interval by one factor when the tasks do not fit the budget; removed ones do not count', () => {
    const active = Array.from({ length: 30 }, () => fresh());
    expect(stretchFor(active, 60_000, 60)).toBe(1);
    expect(stretchFor([...active, ...active], 60_000, 30)).toBe(2);
    expect(stretchFor([...active, fresh({ removed: true })], 60_000, 30)).toBe(1);
  });

  it('an answer sets the class from the status, due one interval on within ±10 %', () => {
    const schedule = fresh({ failures: 3 });
    rescheduleAfter(schedule, { ok: true, value: makeTask({ status: 'completed', completed_at: '2026-11-20T11:00:00Z' }) }, rules(1));
    expect(schedule).toMatchObject({ pollClass: 'terminal', failures: 0, dueAt: 1_000_000 + 60_000 * TERMINAL_FACTOR * 1.1 });
    rescheduleAfter(schedule, { ok: true, value: makeTask({ status: 'in_progress' }) }, rules(0));
    expect(schedule).toMatchObject({ pollClass: 'active', dueAt: 1_000_000 + 60_000 * 0.9 });
  });

  it('errors back off exponentially, never beyond one (stretched) interval', () => {
    const schedule = fresh();
    const delays: number[] = [];
    for (let i = 0; i < 6; i++) {
      rescheduleAfter(schedule, { ok: false, error: { kind: 'server', status: 503, detail: 'down' } }, { ...rules(1), stretch: 2 });
      delays.push(schedule.dueAt - 1_000_000);
    }
    expect(delays).toEqual([15_000, 30_000, 60_000, 120_000, 120_000, 120_000]);
  });
});
