/**
 * Snoozes and per-task levels through the real AppService, the real client and the simulated API
 * over HTTP, on a fake clock; restarts read the real state file back.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { makeTask } from '../support/makeTask.ts';
import { startHarness, type Harness } from '../support/harness.ts';

let h: Harness;
afterEach(async () => {
  await h?.close();
});

const A = 501;
const B = 502;
const HOUR = 60 * 60_000;

async function twoPinned(): Promise<Harness> {
  h = await startHarness({ deps: { timeZone: 'Europe/Berlin' } });
  h.simulator.setTask(makeTask({ task_id: A, task_title: 'Lease – Contoso', status: 'in_progress' }));
  h.simulator.setTask(makeTask({ task_id: B, task_title: 'NDA – Globex', status: 'in_progress' }));
  await h.app.pin(`${A} ${B}`);
  await h.run(2_000);
  expect(h.notifications).toEqual([]);
  return h;
}

const row = (id: number) => h.app.getState().tasks.find((t) => t.id === id)!;
const notified = () => h.notifications.map((n) => n.taskIds);

describe('snooze', () => {
  it('a timed snooze records changes, says nothing, then announces them exactly once when it ends', async () => {
    await twoPinned();
    const result = h.app.triage.snooze(A, { kind: 'hour' });
    expect(result).toEqual({ ok: true, snooze: { kind: 'timed', until: h.clock.now() + HOUR } });
    expect(row(A)).toMatchObject({ group: 'snoozed', snooze: { kind: 'timed', until: h.clock.now() + HOUR } });

    h.simulator.updateTask(A, { status: 'pending' });
    h.simulator.updateTask(B, { status: 'pending' });
    await h.run(60_000);
    expect(notified()).toEqual([[B]]); // the neighbour still speaks
    expect(h.app.getState().activity.filter((e) => e.taskId === A).map((e) => e.text)).toEqual(['In progress → Pending']);
    expect(row(A)).toMatchObject({ unseen: false, status: 'pending', group: 'snoozed' }); // still updated in the list

    h.simulator.updateTask(A, { current_step_name: 'Legal Approval', current_step_id: 'legal' });
    await h.run(HOUR);
    expect(notified()).toEqual([[B], [A]]);
    expect(h.notifications[1]).toMatchObject({ title: 'Lease – Contoso', body: 'In progress → Pending' });
    expect(row(A)).toMatchObject({ unseen: true, snooze: null, group: 'unseen' });

    await h.run(2 * HOUR);
    await h.restart();
    await h.run(HOUR);
    expect(notified()).toEqual([[B], [A]]);
  });

  it('survives a restart, and wakes after it with what changed meanwhile', async () => {
    await twoPinned();
    h.app.triage.snooze(A, { kind: 'tomorrow' }); // 10:00 Berlin now → tomorrow 09:00 Berlin
    const until = row(A).snooze;
    expect(until).toEqual({ kind: 'timed', until: Date.UTC(2026, 11, 1, 8, 0) });
    h.simulator.updateTask(A, { status: 'pending' });
    await h.run(60_000);
    await h.restart();
    expect(row(A)).toMatchObject({ group: 'snoozed', snooze: until });
    await h.run(5 * 60_000);
    h.clock.jump(Date.UTC(2026, 11, 1, 8, 0) - h.clock.now() - 60_000); // the night passes
    await h.run(50_000);
    expect(h.notifications).toEqual([]);
    await h.run(20_000);
    expect(notified()).toEqual([[A]]);
    expect(row(A)).toMatchObject({ unseen: true, snooze: null });
  });

  it('ends at the right wall-clock time after a sleep or a clock change, with no timer running meanwhile', async () => {
    await twoPinned();
    h.app.triage.snooze(A, { kind: 'until', at: h.clock.now() + 2 * HOUR });
    h.simulator.updateTask(A, { status: 'pending' });
    await h.run(60_000);
    h.app.setSystemState({ suspended: true });
    h.clock.jump(3 * HOUR); // asleep: nothing fired
    expect(h.notifications).toEqual([]);
    h.app.setSystemState({ suspended: false });
    await h.run(5_000);
    expect(notified()).toEqual([[A]]);
  });

  it('"until it changes" ends with the next change, which is notified as usual', async () => {
    await twoPinned();
    h.app.triage.snooze(A, { kind: 'until-change' });
    expect(row(A)).toMatchObject({ group: 'snoozed', snooze: { kind: 'until-change' } });
    await h.run(10 * 60_000);
    h.simulator.updateTask(A, { status: 'pending' });
    await h.run(60_000);
    expect(notified()).toEqual([[A]]);
    expect(row(A)).toMatchObject({ snooze: null, unseen: true });
  });

  it('unsnooze at any time: what was missed is marked unseen, not announced', async () => {
    await twoPinned();
    h.app.triage.snooze(A, { kind: 'next-monday' });
    h.simulator.updateTask(A, { status: 'pending' });
    await h.run(60_000);
    h.app.triage.unsnooze(A);
    expect(row(A)).toMatchObject({ snooze: null, unseen: true });
    h.clock.jump(8 * 24 * HOUR);
    await h.run(2 * 60_000);
    expect(h.notifications).toEqual([]);
  });

  it('refuses a time in the past and changes nothing', async () => {
    await twoPinned();
    expect(h.app.triage.snooze(A, { kind: 'until', at: h.clock.now() - 1 })).toEqual({ ok: false, message: 'Pick a time in the future.' });
    expect(h.app.triage.snooze(999, { kind: 'hour' }).ok).toBe(false);
    expect(row(A).snooze).toBeNull();
  });
});

describe('per-task notification level', () => {
  it('a muted task beside a normal one in one cycle, and the choice survives a restart', async () => {
    await twoPinned();
    h.app.triage.setNotificationLevel(A, 'never');
    h.simulator.updateTask(A, { status: 'pending' });
    h.simulator.updateTask(B, { status: 'pending' });
    await h.run(60_000);
    expect(notified()).toEqual([[B]]);
    expect(row(A)).toMatchObject({ unseen: true, status: 'pending', notificationLevel: 'never' }); // muted, still updated
    await h.restart();
    expect(row(A).notificationLevel).toBe('never');
    expect(row(B).notificationLevel).toBe('global');
    h.app.triage.setNotificationLevel(A, 'finished');
    h.simulator.updateTask(A, { status: 'in_progress' });
    await h.run(60_000);
    expect(notified()).toEqual([[B]]);
    h.simulator.updateTask(A, { status: 'completed', completed_at: '2026-11-30T10:00:00Z' });
    await h.run(60_000);
    expect(notified()).toEqual([[B], [A]]);
  });
});

describe('notification actions', () => {
  it('"Snooze 1 day" snoozes the task for 24 hours and shows nothing; Open follows the click setting', async () => {
    await twoPinned();
    expect(h.app.triage.notificationActivated({ notificationId: 'n1', actionId: 'snooze-day', taskIds: [A] })).toEqual({ kind: 'nothing' });
    expect(row(A).snooze).toEqual({ kind: 'timed', until: h.clock.now() + 24 * HOUR });
    expect(h.app.triage.notificationActivated({ notificationId: 'n1', actionId: null, taskIds: [B] })).toEqual({ kind: 'show-task', taskId: B, focus: null });
    await h.app.updateSettings({ notificationClick: 'chamelio' });
    expect(h.app.triage.notificationActivated({ notificationId: 'n1', actionId: 'open', taskIds: [B] })).toEqual({ kind: 'open-task-in-chamelio', taskId: B });
    await h.app.unpin(B);
    expect(h.app.triage.notificationActivated({ notificationId: 'n1', actionId: 'open', taskIds: [B] })).toEqual({ kind: 'show-list' });
  });
});

describe('list actions and the test notification', () => {
  it('"Unpin finished" removes only finished tasks in one step that the usual undo puts back', async () => {
    await twoPinned();
    h.simulator.updateTask(A, { status: 'completed', completed_at: '2026-11-30T10:00:00Z' });
    await h.run(60_000);
    expect(h.app.triage.unpinFinished()).toBe(1);
    expect(h.app.getState().tasks.map((t) => t.id)).toEqual([B]);
    expect(h.app.triage.unpinFinished()).toBe(0);
    await h.app.undoUnpin();
    expect(h.app.getState().tasks.map((t) => t.id).sort()).toEqual([A, B]);
    await h.app.undoUnpin(); // nothing left to undo
    expect(h.app.getState().tasks).toHaveLength(2);
  });

  it('copies the pinned links one a line, and a test notification says whether it could be shown', async () => {
    await twoPinned();
    expect(h.app.triage.copyPinnedLinks().split('\n').sort()).toEqual([
      `https://app.chamelio.ai/workflows/tasks/${A}`,
      `https://app.chamelio.ai/workflows/tasks/${B}`,
    ]);
    expect(h.app.triage.sendTestNotification()).toEqual({ ok: true });
    expect(h.notifications).toMatchObject([{ kind: 'test', taskIds: [] }]);
  });
});
