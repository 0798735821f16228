import { describe, expect, it } from 'vitest';
import { atLocalTime, localMoment } from '../../../src-main/core/app/localTime.ts';
import { loadSnooze, makeSnooze, MAX_MISSED_CHANGES, type Snooze } from '../../../src-main/core/app/snooze.ts';

const BERLIN = 'Europe/Berlin';
const NEW_YORK = 'America/New_York';
/** Wednesday 2 December 2026, 23:30 in Berlin (22:30 UTC). */
const WED_LATE = Date.UTC(2026, 11, 2, 22, 30);

function until(snooze: ReturnType<typeof makeSnooze>): string {
  if (!snooze.ok || snooze.snooze.kind !== 'timed') throw new Error('expected a timed snooze');
  return new Date(snooze.snooze.until).toISOString();
}

describe('localTime', () => {
  it('reads the wall clock of the given zone, not the machine’s', () => {
    expect(localMoment(WED_LATE, BERLIN)).toMatchObject({ year: 2026, month: 12, day: 2, weekday: 3, hour: 23, minute: 30 });
    expect(localMoment(WED_LATE, NEW_YORK)).toMatchObject({ day: 2, weekday: 3, hour: 17, minute: 30 });
    expect(localMoment(WED_LATE, 'UTC')).toMatchObject({ hour: 22 });
  });

  it('turns a local date and time back into an instant, across DST changes', () => {
    expect(new Date(atLocalTime({ year: 2026, month: 12, day: 3 }, 9, 0, BERLIN)).toISOString()).toBe('2026-12-03T08:00:00.000Z');
    expect(new Date(atLocalTime({ year: 2026, month: 7, day: 1 }, 9, 0, BERLIN)).toISOString()).toBe('2026-07-01T07:00:00.000Z');
    // 29 March 2026: Berlin moves from 02:00 to 03:00; 09:00 is already summer time.
    expect(new Date(atLocalTime({ year: 2026, month: 3, day: 29 }, 9, 0, BERLIN)).toISOString()).toBe('2026-03-29T07:00:00.000Z');
    // Day overflow rolls into the next month.
    expect(new Date(atLocalTime({ year: 2026, month: 12, day: 32 }, 9, 0, BERLIN)).toISOString()).toBe('2027-01-01T08:00:00.000Z');
  });
});

describe('makeSnooze', () => {
  it('"1 hour" is an hour from now', () => {
    expect(until(makeSnooze({ kind: 'hour' }, WED_LATE, BERLIN))).toBe('2026-12-02T23:30:00.000Z');
  });

  it('"tomorrow" is 09:00 on the next local day, in the user’s zone', () => {
    // 23:30 Wednesday in Berlin → Thursday 09:00 Berlin.
    expect(until(makeSnooze({ kind: 'tomorrow' }, WED_LATE, BERLIN))).toBe('2026-12-03T08:00:00.000Z');
    // The same instant is 17:30 Wednesday in New York → Thursday 09:00 New York.
    expect(until(makeSnooze({ kind: 'tomorrow' }, WED_LATE, NEW_YORK))).toBe('2026-12-03T14:00:00.000Z');
    // 00:30 Thursday in Berlin is already "Thursday": tomorrow is Friday.
    expect(until(makeSnooze({ kind: 'tomorrow' }, Date.UTC(2026, 11, 2, 23, 30), BERLIN))).toBe('2026-12-04T08:00:00.000Z');
  });

  it('"next Monday" is 09:00 on the coming Monday, a week on when today is Monday', () => {
    expect(until(makeSnooze({ kind: 'next-monday' }, WED_LATE, BERLIN))).toBe('2026-12-07T08:00:00.000Z');
    const mondayMorning = Date.UTC(2026, 11, 7, 7, 0); // 08:00 Monday in Berlin
    expect(until(makeSnooze({ kind: 'next-monday' }, mondayMorning, BERLIN))).toBe('2026-12-14T08:00:00.000Z');
    const sunday = Date.UTC(2026, 11, 6, 12, 0);
    expect(until(makeSnooze({ kind: 'next-monday' }, sunday, BERLIN))).toBe('2026-12-07T08:00:00.000Z');
  });

  it('a chosen time must be in the future and within a year', () => {
    expect(until(makeSnooze({ kind: 'until', at: WED_LATE + 5 * 60_000 }, WED_LATE, BERLIN))).toBe('2026-12-02T22:35:00.000Z');
    expect(makeSnooze({ kind: 'until', at: WED_LATE }, WED_LATE, BERLIN)).toEqual({ ok: false, message: 'Pick a time in the future.' });
    expect(makeSnooze({ kind: 'until', at: WED_LATE + 400 * 86_400_000 }, WED_LATE, BERLIN).ok).toBe(false);
    expect(makeSnooze({ kind: 'until', at: Number.NaN }, WED_LATE, BERLIN).ok).toBe(false);
  });

  it('"until it changes" has no end time', () => {
    expect(makeSnooze({ kind: 'until-change' }, WED_LATE, BERLIN)).toEqual({ ok: true, snooze: { kind: 'until-change', since: WED_LATE } });
  });
});

describe('loadSnooze', () => {
  const timed: Snooze = { kind: 'timed', since: 1, until: 2, missed: [{ kind: 'status', from: 'pending', to: 'failed' }] };

  it('reads back what was written', () => {
    expect(loadSnooze(JSON.parse(JSON.stringify(timed)))).toEqual(timed);
    expect(loadSnooze({ kind: 'until-change', since: 5 })).toEqual({ kind: 'until-change', since: 5 });
  });

  it('is no snooze when the file holds anything else, and drops unreadable changes', () => {
    for (const raw of [null, 'x', [], { kind: 'timed', since: 1 }, { kind: 'forever', since: 1 }, { kind: 'timed', since: -1, until: 2 }]) {
      expect(loadSnooze(raw)).toBeNull();
    }
    const damaged = { ...timed, missed: [{ kind: 'status', from: 1 }, { kind: 'step', from: {}, to: null }, 'junk', ...timed.missed] };
    expect(loadSnooze(damaged)).toEqual(timed);
    const many = { ...timed, missed: Array.from({ length: 50 }, () => timed.missed[0]) };
    expect((loadSnooze(many) as { missed: unknown[] }).missed).toHaveLength(MAX_MISSED_CHANGES);
  });
});
