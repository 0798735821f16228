import { afterEach, describe, expect, it, vi } from 'vitest';
import { makeTask } from '../support/makeTask.ts';
import { startHarness, type Harness } from '../support/harness.ts';

/**
 * What an idle poll costs the engine, observed through the real client, monitor and AppService
 * against the simulator over HTTP: an answer that repeats the last one keeps the very same snapshot
 * (it was not parsed again), writes nothing and records nothing; a timer fires only to poll.
 */
let h: Harness;
afterEach(async () => {
  await h?.close();
});

const ID = 4242;
const MINUTE = 60_000;

async function pinned(count: number): Promise<number[]> {
  h = await startHarness();
  const ids = Array.from({ length: count }, (_, i) => ID + i);
  for (const id of ids) h.simulator.setTask(makeTask({ task_id: id, status: 'in_progress' }));
  await h.app.pin(ids.join(' '));
  await h.run(2 * MINUTE);
  return ids;
}

const taskRequests = () => h.simulator.stats().requests.filter((r) => r.route === 'tasks').length;

describe('an idle poll', () => {
  it('keeps the same snapshot, writes nothing and records nothing while the answer repeats', async () => {
    await pinned(1);
    const snapshot = h.app.getTaskDetail(ID)!.task;
    const requests = taskRequests();
    const writes = h.store.writes;
    // Nothing else in this process parses JSON while it idles (the simulator only serialises).
    const parse = vi.spyOn(JSON, 'parse');
    await h.run(10 * MINUTE);
    const parsed = parse.mock.calls.length;
    parse.mockRestore();
    expect(taskRequests() - requests).toBeGreaterThanOrEqual(18); // it did poll, every 30 s
    expect(parsed).toBe(0);
    expect(h.app.getTaskDetail(ID)!.task).toBe(snapshot);
    expect(h.store.writes).toBe(writes);
    expect(h.app.getState().activity).toEqual([]);
    expect(h.app.getState().lastCheckedAt).toBeGreaterThan(h.clock.now() - MINUTE); // still says it checked
  });

  it('still reports a changed answer exactly once, and is idle again after it', async () => {
    await pinned(1);
    const before = h.app.getTaskDetail(ID)!.task;
    h.simulator.updateTask(ID, { assignee_email: 'counsel@example.com' });
    await h.run(MINUTE);
    const after = h.app.getTaskDetail(ID)!.task;
    expect(after).not.toBe(before);
    expect(after?.assignee_email).toBe('counsel@example.com');
    expect(h.notifications).toHaveLength(1);
    expect(h.app.getState().activity.map((a) => a.kind)).toEqual(['assignee']);
    const writes = h.store.writes;
    await h.run(5 * MINUTE);
    expect(h.notifications).toHaveLength(1);
    expect(h.app.getState().activity).toHaveLength(1);
    expect(h.store.writes).toBe(writes);
    expect(h.app.getTaskDetail(ID)!.task).toBe(after);
  });

  it('takes an answer with the same data in other bytes as unchanged, and writes nothing', async () => {
    await pinned(1);
    const writes = h.store.writes;
    // Same fields in another order: other bytes, the same task.
    const task = h.app.getTaskDetail(ID)!.task!;
    h.simulator.setTask(Object.fromEntries(Object.entries(task).reverse()) as typeof task);
    await h.run(2 * MINUTE);
    expect(h.store.writes).toBe(writes);
    expect(h.notifications).toEqual([]);
    expect(h.app.getState().activity).toEqual([]);
  });
});

describe('timer wake-ups while idle', () => {
  it('wakes once per poll at most: two a minute for one task at the 30 s interval', async () => {
    await pinned(1);
    const fired = h.clock.fired;
    const requests = taskRequests();
    await h.run(10 * MINUTE);
    expect(h.clock.fired - fired).toBeLessThanOrEqual(taskRequests() - requests);
    expect(h.clock.fired - fired).toBeLessThanOrEqual(2 * 10);
  });

  it('with 100 pinned tasks, fewer wake-ups than polls and at most two a minute per task', async () => {
    const ids = await pinned(100);
    let pushed = 0;
    h.app.subscribe(() => pushed++);
    const fired = h.clock.fired;
    const requests = taskRequests();
    await h.run(5 * MINUTE);
    const polls = taskRequests() - requests;
    expect(polls).toBeGreaterThan(100); // the budget (60 a minute) is being spent
    expect(h.clock.fired - fired).toBeLessThanOrEqual(polls);
    expect((h.clock.fired - fired) / 5 / ids.length).toBeLessThanOrEqual(2);
    // Answers that repeat set no timer to push a snapshot: only "checked …" moves, every 30 s.
    expect(pushed).toBeLessThanOrEqual(5 * 2 + 1);
  });

  it('does not wake at all when nothing is due: nothing pinned, or no key', async () => {
    h = await startHarness();
    await h.run(MINUTE);
    let fired = h.clock.fired;
    await h.run(10 * MINUTE);
    expect(h.clock.fired).toBe(fired);
    expect(h.clock.pendingTimers()).toBe(0);

    h.simulator.setTask(makeTask({ task_id: ID }));
    await h.app.pin(String(ID));
    await h.run(MINUTE);
    await h.app.clearApiKey();
    await h.run(MINUTE);
    fired = h.clock.fired;
    await h.run(10 * MINUTE);
    expect(h.clock.fired).toBe(fired);
    expect(h.clock.pendingTimers()).toBe(0);
  });
});
