import { afterEach, describe, expect, it } from 'vitest';
import { ChamelioSimulator } from '../../src-main/node/simulator/ChamelioSimulator.ts';
import { makeTask } from '../support/makeTask.ts';
import { startHarness, type Harness } from '../support/harness.ts';

let h: Harness;
afterEach(async () => {
  await h?.close();
});

async function withTasks(ids: number[]) {
  h = await startHarness();
  for (const id of ids) h.simulator.setTask(makeTask({ task_id: id, task_title: `Task title ${id}` }));
  await h.app.pin(ids.map((id) => `#${id}`).join(', '));
  await h.run(3_000);
}

describe('AppService commands', () => {
  it('reports rejected fragments and already pinned ids when pinning', async () => {
    await withTasks([1]);
    const result = await h.app.pin('#1 https://app.chamelio.ai.evil.com/workflows/tasks/2 #3');
    expect(result.pinned).toEqual([3]);
    expect(result.alreadyPinned).toEqual([1]);
    expect(result.rejected).toEqual([expect.objectContaining({ reason: 'foreign-host' })]);
    expect(h.app.suggestPins('see app.chamelio.ai/workflows/tasks/1 and /tasks/5 #5')).toEqual([5]);
  });

  it('unpins with an undo that keeps the baseline, so a change made meanwhile is still reported', async () => {
    await withTasks([1, 2]);
    await h.app.unpin(1);
    expect(h.app.getState().tasks.map((t) => t.id)).toEqual([2]);
    h.simulator.updateTask(1, { status: 'failed' });
    await h.run(60_000);
    expect(h.notifications).toEqual([]);
    await h.app.undoUnpin();
    await h.run(3_000);
    expect(h.notifications).toHaveLength(1);
    expect(h.app.getState().tasks.map((t) => t.id).sort()).toEqual([1, 2]);
  });

  it('clears the unseen mark when the user looks', async () => {
    await withTasks([1]);
    h.simulator.updateTask(1, { status: 'pending' });
    await h.run(35_000);
    expect(h.app.getState().tasks[0]).toMatchObject({ unseen: true, lastChange: 'In progress → Pending' });
    await h.app.markSeen(1);
    expect(h.app.getState().tasks[0]).toMatchObject({ unseen: false, lastChange: null });
  });

  it('makes one summary of more than three changes in one cycle', async () => {
    await withTasks([1, 2, 3, 4, 5]);
    for (const id of [1, 2, 3, 4, 5]) h.simulator.updateTask(id, { status: 'pending' });
    await h.app.refresh();
    await h.run(3_000);
    expect(h.notifications).toHaveLength(1);
    expect(h.notifications[0]).toMatchObject({ kind: 'summary' });
    expect([...h.notifications[0]!.taskIds].sort()).toEqual([1, 2, 3, 4, 5]);
    expect(h.app.getState().activity).toHaveLength(5);
  });

  it('holds notifications back while paused, yet records the change', async () => {
    await withTasks([1]);
    await h.app.pauseNotifications(h.clock.now() + 60 * 60_000);
    expect(h.app.trayState().kind).toBe('paused');
    h.simulator.updateTask(1, { status: 'completed' });
    await h.run(35_000);
    expect(h.notifications).toEqual([]);
    expect(h.app.getState().activity[0]).toMatchObject({ taskId: 1, kind: 'completed' });
    // When the pause ends, what is still unseen is shown, once.
    await h.run(60 * 60_000);
    expect(h.notifications).toEqual([expect.objectContaining({ taskIds: [1], body: 'In progress → Completed' })]);
    await h.run(10 * 60_000);
    expect(h.notifications).toHaveLength(1);
  });

  it('does not show a held-back change the user has already looked at', async () => {
    await withTasks([1]);
    await h.app.updateSettings({ quietHours: { enabled: true, start: '00:00', end: '23:59' } });
    h.simulator.updateTask(1, { assignee_email: 'counsel@example.com' });
    await h.run(35_000);
    expect(h.notifications).toEqual([]);
    await h.app.markSeen(1);
    await h.app.updateSettings({ quietHours: { enabled: false } });
    await h.run(5 * 60_000);
    expect(h.notifications).toEqual([]);
  });

  it('stops polling while suspended and refreshes at once on wake', async () => {
    await withTasks([1]);
    h.app.setSystemState({ suspended: true });
    const before = h.simulator.stats().requests.length;
    await h.run(5 * 60_000);
    expect(h.simulator.stats().requests.length).toBe(before);
    h.app.setSystemState({ suspended: false });
    await h.run(1_000);
    expect(h.simulator.stats().requests.length).toBe(before + 1);
  });

  it('runs the demo beside the real state and gives the real state back when a key is set', async () => {
    await withTasks([1]);
    await h.app.updateSettings({ pollIntervalSeconds: 10 });
    await h.run(1_000);
    const demo = await ChamelioSimulator.start({ port: 0, demo: true, now: () => h.clock.now() });
    try {
      await h.app.useDemo({ apiBaseUrl: demo.url, apiKey: demo.apiKey, userEmail: 'you@acme-legal.example', taskIds: demo.taskIds() });
      await h.run(3_000);
      const state = h.app.getState();
      expect(state.demo).toBe(true);
      expect(state.tasks.length).toBe(demo.taskIds().length);
      expect(state.settings.pollIntervalSeconds).toBe(10);
      const writes = h.store.writes;
      await h.run(60_000);
      expect(h.store.writes).toBe(writes); // the demo writes nothing
      expect(await h.secrets.get()).toBe(h.simulator.apiKey); // nor touches the stored key
      const result = await h.app.setApiKey(h.simulator.apiKey, false);
      expect(result.ok).toBe(true);
      await h.run(3_000);
      expect(h.app.getState()).toMatchObject({ demo: false, tasks: [expect.objectContaining({ id: 1 })] });
    } finally {
      await demo.close();
    }
  });
});
