import { readFile } from 'node:fs/promises';
import { afterEach, describe, expect, it } from 'vitest';
import { makeTask } from '../support/makeTask.ts';
import { startHarness, type Harness } from '../support/harness.ts';

let h: Harness;
afterEach(async () => {
  await h?.close();
});

const ID = 4242;

async function pinned(options: Parameters<typeof startHarness>[0] = {}) {
  h = await startHarness(options);
  h.simulator.setTask(makeTask({ task_id: ID, task_title: 'MSA – Northwind', status: 'in_progress' }));
  const result = await h.app.pin(`https://app.chamelio.ai/workflows/tasks/${ID}`);
  expect(result.pinned).toEqual([ID]);
  await h.run(2_000);
  return h;
}

describe('AppService against the simulated API', () => {
  it('takes the first fetch as a silent baseline', async () => {
    await pinned();
    expect(h.notifications).toEqual([]);
    const detail = h.app.getTaskDetail(ID);
    expect(detail?.task?.task_title).toBe('MSA – Northwind');
    expect(h.app.getState().connection.kind).toBe('ok');
    expect(h.app.getState().org?.rateLimitPerMinute).toBe(120);
  });

  it('notifies exactly once per real change, and records it', async () => {
    await pinned();
    h.simulator.updateTask(ID, { status: 'pending' });
    await h.run(60_000);
    expect(h.notifications).toHaveLength(1);
    expect(h.notifications[0]).toMatchObject({ kind: 'single', taskIds: [ID], title: 'MSA – Northwind' });
    expect(h.notifications[0]!.body).toContain('Pending');
    const state = h.app.getState();
    expect(state.tasks[0]).toMatchObject({ id: ID, unseen: true, status: 'pending' });
    expect(state.activity[0]).toMatchObject({ taskId: ID, kind: 'status' });
    await h.run(5 * 60_000);
    expect(h.notifications).toHaveLength(1);
  });

  it('says "assigned to you" when the new assignee is the user', async () => {
    await pinned();
    await h.app.updateSettings({ userEmail: 'Me@Example.com' });
    h.simulator.updateTask(ID, { assignee_email: 'me@example.com' });
    await h.run(60_000);
    expect(h.notifications).toHaveLength(1);
    expect(h.notifications[0]).toMatchObject({ assignedToYou: true });
    expect(h.notifications[0]!.body).toMatch(/you/i);
    expect(h.app.trayState().kind).toBe('needs-you');
  });

  it('writes nothing while nothing changes', async () => {
    await pinned();
    await h.run(2_000);
    const writes = h.store.writes;
    await h.run(10 * 60_000);
    expect(h.store.writes).toBe(writes);
  });

  it('reports a change made while the app was closed exactly once, and an unchanged task never', async () => {
    await pinned();
    h.simulator.setTask(makeTask({ task_id: ID + 1, task_title: 'NDA – Contoso' }));
    await h.app.pin(String(ID + 1));
    await h.run(5_000);
    await h.app.stop();
    h.simulator.updateTask(ID, { status: 'completed', completed_at: '2026-11-30T09:00:00Z' });
    await h.restart();
    await h.run(60_000);
    expect(h.notifications).toHaveLength(1);
    expect(h.notifications[0]).toMatchObject({ taskIds: [ID] });
    await h.restart();
    await h.run(60_000);
    expect(h.notifications).toHaveLength(1);
  });

  it('marks a deleted task unavailable once, keeps it pinned, and sees it come back', async () => {
    await pinned();
    h.simulator.deleteTask(ID);
    await h.run(60_000);
    const row = h.app.getState().tasks[0]!;
    expect(row.problem?.kind).toBe('unavailable');
    expect(row.title).toBe('MSA – Northwind');
    await h.run(30 * 60_000);
    expect(h.app.getState().activity.filter((a) => a.kind === 'unavailable')).toHaveLength(1);
    expect(h.notifications).toEqual([]);
    h.simulator.setTask(makeTask({ task_id: ID, task_title: 'MSA – Northwind' }));
    await h.run(15 * 60_000);
    expect(h.app.getState().tasks[0]!.problem).toBeNull();
  });

  it('stops polling on a revoked key, says why, and resumes with a new key', async () => {
    await pinned();
    h.simulator.setKeyState('revoked');
    await h.run(60_000);
    const state = h.app.getState();
    expect(state.connection).toMatchObject({ kind: 'key-problem', reason: 'key-revoked', detail: 'API key has been revoked' });
    expect(h.app.trayState().kind).toBe('key-problem');
    const requests = h.simulator.stats().requests.length;
    await h.run(10 * 60_000);
    expect(h.simulator.stats().requests.length).toBe(requests);
    expect(h.app.getTaskDetail(ID)?.task?.status).toBe('in_progress'); // last good state kept
    const newKey = h.simulator.rotateKey();
    const result = await h.app.setApiKey(newKey, false);
    expect(result.ok).toBe(true);
    await h.run(5_000);
    expect(h.simulator.stats().requests.length).toBeGreaterThan(requests);
    expect(h.app.getState().connection.kind).toBe('ok');
  });

  it('refuses a key the API refuses, with the API reason, and keeps the old one', async () => {
    await pinned();
    const result = await h.app.setApiKey('ca_notAKnownKey123', false);
    expect(result).toMatchObject({ ok: false, reason: 'invalid-key', message: 'Invalid API key' });
    expect(await h.secrets.get()).toBe(h.simulator.apiKey);
    const malformed = await h.app.setApiKey('not a key', false);
    expect(malformed).toMatchObject({ ok: false, reason: 'invalid-format' });
  });

  it('keeps 1,000 pinned tasks within half of a 120-a-minute key, with no 429', async () => {
    h = await startHarness({ rateLimitPerMinute: 120 });
    const ids: number[] = [];
    for (let id = 1; id <= 1000; id++) {
      h.simulator.setTask(makeTask({ task_id: id, status: id % 10 < 6 ? 'completed' : 'in_progress' }));
      ids.push(id);
    }
    await h.app.pin(ids.join('\n'));
    await h.run(20 * 60_000);
    expect(h.simulator.maxRequestsInAnyMinute()).toBeLessThanOrEqual(60);
    expect(h.simulator.stats().rateLimited).toBe(0);
    expect(h.simulator.stats().requests.length).toBeGreaterThan(20 * 50);
    expect(h.app.getState().tasks.filter((t) => t.status !== null)).toHaveLength(1000);
  }, 120_000);

  it('never writes the key to its file, its logs or its snapshot', async () => {
    await pinned();
    h.simulator.setKeyState('expired');
    await h.run(60_000);
    const file = await readFile(h.store.filePath, 'utf8');
    expect(file).not.toContain(h.simulator.apiKey);
    expect(h.logger.lines.join('\n')).not.toContain(h.simulator.apiKey);
    expect(JSON.stringify(h.app.getState())).not.toContain(h.simulator.apiKey);
  });
});
