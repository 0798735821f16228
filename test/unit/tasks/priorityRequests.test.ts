/**
 * The user's own requests (a decision, a document) and the monitor's polls share one budget: the
 * user's go first, none goes past the budget.
 */
import { describe, expect, it } from 'vitest';
import type { Task } from '../../../src-main/core/chamelio/Task.ts';
import type { ApiResult } from '../../../src-main/core/chamelio/ApiError.ts';
import { TaskMonitor } from '../../../src-main/core/tasks/TaskMonitor.ts';
import { maxInAnyWindow } from '../../../src-main/node/simulator/SlidingWindowLimiter.ts';
import { BUDGET_WINDOW_MS } from '../../../src-main/core/tasks/RequestBudget.ts';
import { FakeClock } from '../../support/FakeClock.ts';
import { makeTask } from '../../support/makeTask.ts';

function setup(budget: number) {
  const clock = new FakeClock();
  const sent: { at: number; what: string }[] = [];
  const monitor = new TaskMonitor({
    clock,
    random: () => 0.5,
    intervalMs: 5_000,
    budgetPerMinute: budget,
    fetchTask: async (id): Promise<ApiResult<Task>> => {
      sent.push({ at: clock.now(), what: `poll ${id}` });
      return { ok: true, value: makeTask({ task_id: id }) };
    },
    onResult: () => {},
  });
  const act = async (what: string): Promise<void> => {
    await monitor.whenBudgetAllows();
    sent.push({ at: clock.now(), what });
  };
  return { clock, sent, monitor, act };
}

describe('user requests and polls on one budget', () => {
  it('an action waiting for the budget goes before every poll that is due', async () => {
    const t = setup(2);
    for (const id of [1, 2, 3, 4, 5]) t.monitor.add(id);
    t.monitor.start();
    await t.clock.advance(0);
    expect(t.sent.map((s) => s.what)).toEqual(['poll 1', 'poll 2']); // the budget is spent
    const start = t.sent[0]!.at;
    const approving = t.act('approve');
    const reading = t.act('re-read');
    await t.clock.advance(BUDGET_WINDOW_MS);
    await Promise.all([approving, reading]);
    // Polls 3 to 5 were due long before, but the window's two free requests are the user's.
    const atWindow = t.sent.filter((s) => s.at === start + BUDGET_WINDOW_MS).map((s) => s.what);
    expect(atWindow).toEqual(['approve', 're-read']);
    await t.clock.advance(BUDGET_WINDOW_MS);
    expect(t.sent.slice(4).map((s) => s.what)).toEqual(['poll 3', 'poll 4']);
  });

  it('never sends more than the budget in any window while actions and polls mix', async () => {
    const budget = 6;
    const t = setup(budget);
    for (let id = 1; id <= 10; id++) t.monitor.add(id);
    t.monitor.start();
    const actions: Promise<void>[] = [];
    for (let minute = 0; minute < 5; minute++) {
      for (let i = 0; i < 4; i++) actions.push(t.act(`action ${minute}.${i}`));
      await t.clock.advance(60_000);
    }
    await t.clock.advance(10 * 60_000);
    await Promise.all(actions);
    expect(t.sent.filter((s) => s.what.startsWith('action'))).toHaveLength(20);
    expect(t.sent.some((s) => s.what.startsWith('poll'))).toBe(true);
    expect(maxInAnyWindow(t.sent.map((s) => s.at), BUDGET_WINDOW_MS)).toBeLessThanOrEqual(budget);
  });

  it('the app’s own requests (trySpend: key checks, approver lookups) never go ahead of a waiting user request', async () => {
    const { clock, monitor } = await pausedBy429();
    expect(monitor.trySpend()).toBe(true); // the budget has room and nobody waits
    let served = false;
    void monitor.whenBudgetAllows().then(() => (served = true));
    await clock.advance(1_000);
    expect(monitor.trySpend()).toBe(false); // room in the budget, but the user's request waits (the 429 pause)
    await clock.advance(19_000);
    expect(served).toBe(true);
    expect(monitor.trySpend()).toBe(true);
  });

  it('waits out a 429 pause too', async () => {
    const { clock, monitor } = await pausedBy429();
    let servedAt: number | null = null;
    void monitor.whenBudgetAllows().then(() => (servedAt = clock.now()));
    const start = clock.now();
    await clock.advance(19_000);
    expect(servedAt).toBeNull();
    await clock.advance(1_000);
    expect(servedAt).toBe(start + 20_000);
  });
});

/** A monitor whose first poll got a 429 with Retry-After 20 s: requests are paused, the budget has room. */
async function pausedBy429() {
  const clock = new FakeClock();
  let limited = true;
  const monitor = new TaskMonitor({
    clock,
    random: () => 0.5,
    intervalMs: 30_000,
    budgetPerMinute: 60,
    fetchTask: async (id) => (limited ? { ok: false, error: { kind: 'rate-limited', retryAfterMs: 20_000 } } : { ok: true, value: makeTask({ task_id: id }) }),
    onResult: () => {},
  });
  monitor.add(1);
  monitor.start();
  await clock.advance(0);
  limited = false;
  return { clock, monitor };
}
