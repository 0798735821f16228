/**
 * The engine under the timing a user produces: commands while requests are out, a key replaced or
 * refused mid-flight, the demo entered and left, the server changed. Each case was a real defect.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { ChamelioSimulator } from '../../src-main/node/simulator/ChamelioSimulator.ts';
import { makeTask } from '../support/makeTask.ts';
import { startHarness, type Harness } from '../support/harness.ts';

let h: Harness;
afterEach(async () => {
  await h?.close();
});

async function withTask(id = 5) {
  h = await startHarness();
  h.simulator.setTask(makeTask({ task_id: id, task_title: `Task title ${id}` }));
  await h.app.pin(String(id));
  await h.run(3_000);
}

const taskRequests = () => h.simulator.stats().requests.filter((r) => r.route === 'tasks').length;

describe('AppService races', () => {
  it('an unpin and undo while the request is out sends no second request and no stale answer', async () => {
    await withTask();
    h.simulator.injectFault({ kind: 'slow', delayMs: 200 }, { times: 1, route: 'tasks' });
    await h.app.refresh();
    await h.clock.advance(0); // the request is out now
    const sent = taskRequests();
    await h.app.unpin(5);
    await h.app.undoUnpin();
    h.simulator.updateTask(5, { status: 'pending' });
    await h.run(3_000);
    // The slow answer (in_progress) arrives after the change: it must not flip the task back.
    await h.run(35_000);
    expect(taskRequests()).toBeLessThanOrEqual(sent + 2);
    expect(h.notifications.map((n) => n.body)).toEqual(['In progress → Pending']);
  });

  it('notifies a change seen just before an unpin that was undone within the cycle', async () => {
    await withTask();
    h.simulator.updateTask(5, { status: 'failed' });
    await h.app.refresh();
    await h.clock.advance(0);
    await h.run(250); // the change is seen; its notification waits for the end of the cycle
    await h.app.unpin(5);
    await h.app.undoUnpin();
    await h.run(3_000);
    expect(h.notifications).toHaveLength(1);
  });

  it('does not notify a task unpinned before its cycle ended', async () => {
    await withTask();
    h.simulator.updateTask(5, { status: 'failed' });
    await h.app.refresh();
    await h.run(250);
    await h.app.unpin(5);
    await h.run(3_000);
    expect(h.notifications).toEqual([]);
  });

  it('drops a 401 meant for the old key once a new key is in use', async () => {
    await withTask();
    h.simulator.setKeyState('revoked');
    h.simulator.injectFault({ kind: 'slow', delayMs: 300 }, { times: 1, route: 'tasks' });
    await h.app.refresh();
    await h.clock.advance(0); // a request with the old key is out
    const newKey = h.simulator.rotateKey();
    expect((await h.app.setApiKey(newKey, false)).ok).toBe(true);
    await h.run(60_000);
    expect(h.app.getState().connection.kind).toBe('ok');
    const before = taskRequests();
    await h.run(60_000);
    expect(taskRequests()).toBeGreaterThan(before); // still polling
  });

  it('keeps showing a refused key, whatever other answers or OS events come after', async () => {
    await withTask();
    h.simulator.setKeyState('revoked');
    await h.run(60_000);
    h.app.setSystemState({ online: false });
    h.app.setSystemState({ online: true });
    await h.run(60_000);
    expect(h.app.getState().connection).toMatchObject({ kind: 'key-problem', reason: 'key-revoked' });
    expect(h.app.trayState().kind).toBe('key-problem');
    // Refresh checks the key again, within the budget however often it is clicked.
    const before = h.simulator.stats().requests.length;
    for (let i = 0; i < 50; i++) await h.app.refresh();
    await h.run(1_000);
    expect(h.simulator.stats().requests.length - before).toBeLessThanOrEqual(h.app.getState().budgetPerMinute!);
    expect(h.simulator.maxRequestsInAnyMinute()).toBeLessThanOrEqual(h.app.getState().budgetPerMinute!);
    h.simulator.setKeyState('active');
    await h.run(61_000);
    await h.app.refresh();
    await h.run(1_000);
    expect(h.app.getState().connection.kind).toBe('ok');
  });

  it('keeps the refused key shown when a slower answer for another task arrives after the 401', async () => {
    await withTask(5);
    h.simulator.setTask(makeTask({ task_id: 6 }));
    await h.app.pin('6');
    await h.run(3_000);
    h.simulator.injectFault({ kind: 'unauthorized', reason: 'key-revoked' }, { times: Infinity, route: 'tasks', taskId: 5 });
    h.simulator.injectFault({ kind: 'slow', delayMs: 300 }, { times: 1, route: 'tasks', taskId: 6 });
    await h.app.refresh();
    await h.run(1_000);
    expect(h.app.getState().connection).toMatchObject({ kind: 'key-problem', reason: 'key-revoked' });
  });

  it('forgets the key and takes new baselines when the API address changes', async () => {
    await withTask();
    const other = await ChamelioSimulator.start({ port: 0, now: () => h.clock.now() });
    try {
      other.setTask(makeTask({ task_id: 5, status: 'failed', task_title: 'Another server’s task 5' }));
      const result = await h.app.updateSettings({ apiBaseUrl: other.url });
      expect(result.ok).toBe(true);
      await h.run(60_000);
      expect(other.stats().requests).toEqual([]); // the key never went there
      expect(await h.secrets.get()).toBeNull();
      expect(h.app.getState()).toMatchObject({ connection: { kind: 'no-key' }, tasks: [{ id: 5, title: null, unseen: false }] });
      expect((await h.app.setApiKey(other.apiKey, false)).ok).toBe(true);
      await h.run(3_000);
      expect(h.app.getState().tasks[0]).toMatchObject({ title: 'Another server’s task 5', unseen: false });
      expect(h.notifications).toEqual([]); // a new baseline, not a change
    } finally {
      await other.close();
    }
  });

  it('gives the real key back when a refused key is typed during the demo, and when the demo key is cleared', async () => {
    await withTask();
    const demo = await ChamelioSimulator.start({ port: 0, demo: true, now: () => h.clock.now() });
    try {
      const enter = () => h.app.useDemo({ apiBaseUrl: demo.url, apiKey: demo.apiKey, userEmail: 'you@acme-legal.example', taskIds: demo.taskIds() });
      await enter();
      await h.run(2_000);
      expect((await h.app.setApiKey('ca_refusedKey12345', false)).ok).toBe(false);
      await h.run(2_000);
      expect(h.app.getState()).toMatchObject({ demo: false, key: { isSet: true }, connection: { kind: 'ok' }, tasks: [{ id: 5 }] });
      await enter();
      await h.run(2_000);
      await h.app.clearApiKey();
      await h.run(2_000);
      expect(await h.secrets.get()).toBe(h.simulator.apiKey);
      expect(h.app.getState()).toMatchObject({ demo: false, key: { isSet: true }, tasks: [{ id: 5 }] });
    } finally {
      await demo.close();
    }
  });

  it('polls at once at a shorter interval instead of waiting out the old one', async () => {
    await withTask();
    await h.app.updateSettings({ pollIntervalSeconds: 3600 });
    await h.run(60_000);
    const before = taskRequests();
    await h.app.updateSettings({ pollIntervalSeconds: 10 });
    await h.run(15_000);
    expect(taskRequests()).toBeGreaterThan(before);
  });

  it('lifts a simulator-only interval when the address leaves this machine', async () => {
    h = await startHarness();
    await h.app.updateSettings({ pollIntervalSeconds: 1 });
    const result = await h.app.updateSettings({ apiBaseUrl: 'https://platform.chamelio.ai' });
    expect(result).toMatchObject({ ok: true, settings: { pollIntervalSeconds: 10 } });
  });
});
