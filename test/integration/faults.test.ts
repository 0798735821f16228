import { afterEach, describe, expect, it } from 'vitest';
import type { SimulatedFault } from '../../src-main/node/simulator/faults.ts';
import { makeTask } from '../support/makeTask.ts';
import { startHarness, type Harness } from '../support/harness.ts';

let h: Harness;
afterEach(async () => {
  await h?.close();
});

const ID = 777;
/** One poll interval (30 s by default) plus the notification cycle and a little slack. */
const ONE_INTERVAL = 30_000 + 2_000;

async function pinned() {
  h = await startHarness();
  h.simulator.setTask(makeTask({ task_id: ID, task_title: 'Supplier DPA', status: 'in_progress' }));
  await h.app.pin(String(ID));
  await h.run(2_000);
  expect(h.app.getTaskDetail(ID)?.task?.status).toBe('in_progress');
}

const faults: { fault: SimulatedFault; shows: string[] }[] = [
  { fault: { kind: 'server-error' }, shows: ['degraded'] },
  { fault: { kind: 'html-502' }, shows: ['degraded'] },
  { fault: { kind: 'malformed-json' }, shows: ['degraded'] },
  { fault: { kind: 'truncated' }, shows: ['degraded', 'offline'] },
  { fault: { kind: 'reset' }, shows: ['offline'] },
  { fault: { kind: 'hang' }, shows: ['offline'] },
  { fault: { kind: 'slow', delayMs: 2_000 }, shows: ['offline'] },
  { fault: { kind: 'rate-limited', retryAfterSeconds: 20 }, shows: ['rate-limited'] },
  { fault: { kind: 'rate-limited' }, shows: ['rate-limited'] },
];

describe('faults: the app keeps the last good state and notifies exactly once after recovery', () => {
  for (const { fault, shows } of faults) {
    it(`survives ${JSON.stringify(fault)}`, async () => {
      await pinned();
      h.simulator.injectFault(fault, { times: Infinity, route: 'tasks' });
      await h.run(2 * 60_000);
      const during = h.app.getState();
      expect(shows).toContain(during.connection.kind);
      expect(h.app.getTaskDetail(ID)?.task?.status).toBe('in_progress');
      expect(h.notifications).toEqual([]);

      // The task changes while the server is failing.
      h.simulator.updateTask(ID, { status: 'pending' });
      await h.run(60_000);
      expect(h.notifications).toEqual([]);

      h.simulator.clearFaults();
      // A 429 without Retry-After pauses for a minute at most; everything else recovers within an interval.
      await h.run(fault.kind === 'rate-limited' ? 60_000 + ONE_INTERVAL : ONE_INTERVAL);
      expect(h.notifications).toHaveLength(1);
      expect(h.notifications[0]).toMatchObject({ taskIds: [ID] });
      expect(h.app.getState().connection.kind).toBe('ok');
      await h.run(5 * 60_000);
      expect(h.notifications).toHaveLength(1);
    }, 60_000);
  }

  it('survives a flapping server without a spurious notification', async () => {
    await pinned();
    const kinds: SimulatedFault[] = [{ kind: 'server-error' }, { kind: 'reset' }, { kind: 'html-502' }, { kind: 'malformed-json' }];
    for (let round = 0; round < 12; round++) {
      h.simulator.injectFault(kinds[round % kinds.length]!, { times: 1, route: 'tasks' });
      await h.run(20_000);
      if (round === 6) h.simulator.updateTask(ID, { assignee_email: 'counsel@example.com' });
    }
    await h.run(ONE_INTERVAL);
    expect(h.notifications).toHaveLength(1);
    expect(h.app.getTaskDetail(ID)?.task?.assignee_email).toBe('counsel@example.com');
  }, 60_000);

  it('shows each documented 401 reason and stops polling until the key changes', async () => {
    for (const reason of ['key-required', 'invalid-key', 'key-inactive', 'key-revoked', 'key-expired'] as const) {
      await pinned();
      h.simulator.injectFault({ kind: 'unauthorized', reason }, { times: Infinity, route: 'any' });
      await h.run(60_000);
      const connection = h.app.getState().connection;
      expect(connection).toMatchObject({ kind: 'key-problem', reason });
      expect(h.app.getTaskDetail(ID)?.task?.status).toBe('in_progress');
      const sent = h.simulator.stats().requests.length;
      await h.run(10 * 60_000);
      expect(h.simulator.stats().requests.length, 'polling stopped').toBe(sent);
      if (reason !== 'key-expired') await h.close(); // afterEach closes the last one
    }
  }, 60_000);
});
