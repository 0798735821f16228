import { describe, expect, it } from 'vitest';
import { applySettingsPatch } from '../../../src-main/core/app/applySettingsPatch.ts';
import { loadPersistedState } from '../../../src-main/core/app/loadPersistedState.ts';
import { DEFAULT_SETTINGS, type SettingsPatch } from '../../../src-main/core/app/Settings.ts';
import { untyped } from '../../support/untyped.ts';

describe('triage settings', () => {
  it('applies privacy, the click target, quiet days and the break-through toggle', () => {
    const result = applySettingsPatch(DEFAULT_SETTINGS, {
      privateNotifications: true,
      notificationClick: 'chamelio',
      quietHours: { days: [6, 0, 6], letNeedsYouThrough: true },
    });
    expect(result).toMatchObject({
      ok: true,
      settings: { privateNotifications: true, notificationClick: 'chamelio', quietHours: { days: [0, 6], letNeedsYouThrough: true, start: '22:00' } },
    });
    expect(DEFAULT_SETTINGS.quietHours.days).toEqual([0, 1, 2, 3, 4, 5, 6]);
  });

  it.each<[SettingsPatch, string]>([
    [{ privateNotifications: untyped<boolean>('yes') }, 'privateNotifications'],
    [{ notificationClick: 'tray' as 'popover' }, 'notificationClick'],
    [{ quietHours: { days: [7] } }, 'quietHours.days'],
    [{ quietHours: { days: untyped<number[]>('weekdays') } }, 'quietHours.days'],
    [{ quietHours: { letNeedsYouThrough: untyped<boolean>(1) } }, 'quietHours.letNeedsYouThrough'],
  ])('refuses %j and names %s', (patch, field) => {
    expect(applySettingsPatch(DEFAULT_SETTINGS, patch)).toMatchObject({ ok: false, field });
  });
});

describe('loadPersistedState: per-task triage', () => {
  it('keeps a valid snooze and level, and drops damaged ones without losing the pin', () => {
    const state = loadPersistedState({
      pinned: [
        { id: 1, snooze: { kind: 'timed', since: 1, until: 2, missed: [] }, notificationLevel: 'never' },
        { id: 2, snooze: { kind: 'timed', since: 1 }, notificationLevel: 'loud' },
        { id: 3, snooze: { kind: 'until-change', since: 4 }, notificationLevel: 'global' },
      ],
      settings: { privateNotifications: true, quietHours: { days: [1, 2], letNeedsYouThrough: 'x' } },
    });
    expect(state.pinned.map((p) => [p.id, p.snooze ?? null, p.notificationLevel ?? 'global'])).toEqual([
      [1, { kind: 'timed', since: 1, until: 2, missed: [] }, 'never'],
      [2, null, 'global'],
      [3, { kind: 'until-change', since: 4 }, 'global'],
    ]);
    // A bad field inside quiet hours refuses that patch only; the rest of the settings are kept.
    expect(state.settings.privateNotifications).toBe(true);
  });
});

describe('tray with triage', () => {
  it('a snoozed task does not make the tray urgent, and privacy hides titles in the menu', async () => {
    const { buildTrayState } = await import('../../../src-main/core/app/buildTrayState.ts');
    const base = {
      id: 7, title: 'Lease – Contoso', workflowName: null, status: 'pending', stepName: null, stepType: null, assignee: null,
      assignedToYou: true, updatedAt: null, unseen: true, lastChange: null, problem: null, link: '', notificationLevel: 'global' as const,
      displayTitle: 'Lease – Contoso', statusLabel: 'Pending',
    };
    const snapshot = { connection: { kind: 'ok' as const }, key: { isSet: true }, notificationsPausedUntil: null, lastCheckedAt: null };
    const context = { pollingPaused: false, now: 0 };
    const snoozed = buildTrayState({ ...snapshot, tasks: [{ ...base, group: 'snoozed', snooze: { kind: 'until-change' } }] } as never, context);
    expect(snoozed.kind).toBe('idle');
    const awake = buildTrayState({ ...snapshot, tasks: [{ ...base, group: 'needs-you', snooze: null }] } as never, { ...context, hideTitles: true });
    expect(awake.kind).toBe('needs-you');
    expect(awake.tasks[0]?.label).toBe('Task 7');
  });
});
