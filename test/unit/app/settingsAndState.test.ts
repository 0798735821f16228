import { describe, expect, it } from 'vitest';
import { applySettingsPatch, minPollSeconds } from '../../../src-main/core/app/applySettingsPatch.ts';
import { emptyState, loadPersistedState, readPersistedState } from '../../../src-main/core/app/loadPersistedState.ts';
import { DEFAULT_SETTINGS, type SettingsPatch } from '../../../src-main/core/app/Settings.ts';
import { makeTask } from '../../support/makeTask.ts';
import { untyped } from '../../support/untyped.ts';

describe('applySettingsPatch', () => {
  it('applies valid fields and leaves the rest as they were', () => {
    const result = applySettingsPatch(DEFAULT_SETTINGS, { userEmail: '  Me@Example.com ', notify: { step: true }, quietHours: { enabled: true } });
    expect(result).toMatchObject({ ok: true, settings: { userEmail: 'Me@Example.com', notify: { step: true, status: true }, quietHours: { enabled: true, start: '22:00' } } });
    expect(DEFAULT_SETTINGS.notify.step).toBe(false); // not mutated
  });

  it.each<[SettingsPatch, string]>([
    [{ apiBaseUrl: 'http://evil.example.com' }, 'apiBaseUrl'],
    [{ apiBaseUrl: 'ftp://platform.chamelio.ai' }, 'apiBaseUrl'],
    [{ userEmail: 'not an email' }, 'userEmail'],
    [{ pollIntervalSeconds: 5 }, 'pollIntervalSeconds'],
    [{ pollIntervalSeconds: 30.5 }, 'pollIntervalSeconds'],
    [{ rateLimitShare: 0 }, 'rateLimitShare'],
    [{ rateLimitShare: 1.5 }, 'rateLimitShare'],
    [{ notify: { status: untyped<boolean>('yes') } }, 'notify.status'],
    [{ quietHours: { start: '25:00' } }, 'quietHours.start'],
    [{ theme: 'neon' as 'dark' }, 'theme'],
    [{ shortcut: 'Ctrl+\u0007' }, 'shortcut'],
    [{ launchAtLogin: untyped<boolean>(1) }, 'launchAtLogin'],
  ])('refuses %j and names %s', (patch, field) => {
    const result = applySettingsPatch(DEFAULT_SETTINGS, patch);
    expect(result).toMatchObject({ ok: false, field });
    expect(result.ok || result.message.length > 10).toBe(true);
  });

  it('allows short intervals only against a simulator on this machine', () => {
    expect(minPollSeconds('https://platform.chamelio.ai')).toBe(10);
    expect(minPollSeconds('http://127.0.0.1:8080')).toBe(1);
    const local = applySettingsPatch(DEFAULT_SETTINGS, { apiBaseUrl: 'http://127.0.0.1:9', pollIntervalSeconds: 2 });
    expect(local).toMatchObject({ ok: true, settings: { pollIntervalSeconds: 2 } });
  });
});

describe('loadPersistedState', () => {
  it('starts empty on nothing or garbage', () => {
    expect(loadPersistedState(null)).toEqual(emptyState());
    expect(loadPersistedState('[1,2]')).toEqual(emptyState());
    expect(loadPersistedState([])).toEqual(emptyState());
  });

  it('keeps what is valid, field by field, and drops the rest', () => {
    const state = loadPersistedState({
      schemaVersion: 1,
      settings: { userEmail: 'a@b.co', pollIntervalSeconds: -4, theme: 'dark', apiBaseUrl: 'http://127.0.0.1:5' },
      pinned: [
        { id: 1, pinnedAt: 5, snapshot: makeTask({ task_id: 1 }), unseen: true, unavailable: false },
        { id: 1, pinnedAt: 6, snapshot: null }, // duplicate
        { id: -3 },
        { id: 2, snapshot: { task_id: 'two' } }, // damaged snapshot: kept pinned, re-baselined
        { id: 3, snapshot: makeTask({ task_id: 4 }) }, // snapshot of another task
        'junk',
      ],
      activity: [{ id: 'x', at: 1, taskId: 1, taskTitle: 't', kind: 'status', text: 'A → B' }, { nope: true }],
    });
    expect(state.settings).toMatchObject({ userEmail: 'a@b.co', pollIntervalSeconds: 30, theme: 'dark', apiBaseUrl: 'http://127.0.0.1:5' });
    expect(state.pinned.map((p) => [p.id, p.snapshot?.task_id ?? null, p.unseen])).toEqual([
      [1, 1, true],
      [2, null, false],
      [3, null, false],
    ]);
    expect(state.activity).toHaveLength(1);
    expect(state.activity[0]!.assignedToYou).toBe(false);
  });

  it('says what it left out, counted by what it was, and nothing for a state read whole', () => {
    const read = readPersistedState({
      schemaVersion: 1,
      settings: { pollIntervalSeconds: -4, theme: 'dark', retired: true },
      pinned: [{ id: 1, pinnedAt: 'soon', snapshot: null }, { id: 1 }, { id: -3 }, 'junk', { id: 2, snapshot: { task_id: 'two' } }],
      activity: 'none',
      notificationsPausedUntil: 'later',
      extra: 1,
    });
    expect(read.leftOut).toEqual([
      'the unknown field "extra"',
      'the pause of notifications',
      'the setting "pollIntervalSeconds"',
      'the setting "retired"',
      'a detail of a pinned task',
      'a task pinned twice',
      '2 pinned tasks that could not be read',
      'the last seen state of a task (fetched again)',
      'the history',
    ]);
    const whole = { ...emptyState(), pinned: [{ id: 1, pinnedAt: 5, snapshot: makeTask({ task_id: 1 }), unseen: true, unavailable: false, snooze: { kind: 'until-change', since: 3 }, notificationLevel: 'never' }] };
    expect(readPersistedState(whole).leftOut).toEqual([]);
    expect(readPersistedState(JSON.parse(JSON.stringify(whole))).state).toEqual(whole);
  });
});
