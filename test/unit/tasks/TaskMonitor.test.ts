import { describe, expect, it } from 'vitest';
import type { ApiError, ApiResult } from '../../../src-main/core/chamelio/ApiError.ts';
import type { Task } from '../../../src-main/core/chamelio/Task.ts';
import { BUDGET_WINDOW_MS, RequestBudget } from '../../../src-main/core/tasks/RequestBudget.ts';
import { MAX_RATE_LIMIT_PAUSE_MS, MIN_RATE_LIMIT_PAUSE_MS, rateLimitPause } from '../../../src-main/core/tasks/rateLimitPause.ts';
import { TaskMonitor, TERMINAL_FACTOR } from '../../../src-main/core/tasks/TaskMonitor.ts';
import { maxInAnyWindow } from '../../../src-main/node/simulator/SlidingWindowLimiter.ts';
import { FakeClock } from '../../support/FakeClock.ts';
import { makeTask } from '../../support/makeTask.ts';

type Answer = (id: number) => ApiResult<Task>;

function setup(options: { intervalMs?: number; budget?: number; answer?: Answer } = {}) {
  const clock = new FakeClock();
  const calls: { id: number; at: number }[] = [];
  let answer: Answer = options.answer ?? ((id) => ({ ok: true, value: makeTask({ task_id: id }) }));
  const monitor = new TaskMonitor({
    clock,
    random: () => 0.5,
    intervalMs: options.intervalMs ?? 30_000,
    budgetPerMinute: options.budget ?? 60,
    fetchTask: async (id) => {
      calls.push({ id, at: clock.now() });
      return answer(id);
    },
    onResult: () => {},
  });
  monitor.start();
  return {
    clock,
    calls,
    monitor,
    answerWith: (next: Answer) => (answer = next),
    callsOf: (id: number) => calls.filter((c) => c.id === id).map((c) => c.at - calls[0]!.at),
  };
}

const fail = (error: ApiError): Answer => () => ({ ok: false, error });


describe('RequestBudget', () => {
  it('allows at most the limit in any window and says when the next request fits', () => {
    const budget = new RequestBudget(2);
    expect(budget.tryTake(0)).toBe(true);
    expect(budget.tryTake(10)).toBe(true);
    expect(budget.tryTake(20)).toBe(false);
    expect(budget.nextAvailableAt(20)).toBe(BUDGET_WINDOW_MS);
    expect(budget.tryTake(BUDGET_WINDOW_MS)).toBe(true);
  });
});

describe('TaskMonitor', () => {
  it('fetches a newly pinned task at once, then every interval while it runs', async () => {
    const t = setup();
    t.monitor.add(1);
    await t.clock.advance(0);
    expect(t.calls).toHaveLength(1);
    await t.clock.advance(95_000);
    const times = t.callsOf(1);
    expect(times).toHaveLength(4);
    // ±10 % jitter around 30 s (random() = 0.5 gives exactly 30 s here)
    expect(times[1]).toBe(30_000);
  });

  it('polls a finished task rarely', async () => {
    const t = setup({ answer: (id) => ({ ok: true, value: makeTask({ task_id: id, status: 'completed' }) }) });
    t.monitor.add(1);
    await t.clock.advance(30_000 * TERMINAL_FACTOR - 1);
    expect(t.calls).toHaveLength(1);
    await t.clock.advance(2);
    expect(t.calls).toHaveLength(2);
  });

  it('never exceeds its budget with 1,000 pinned tasks, and reaches every task', async () => {
    const t = setup({
      budget: 60,
      answer: (id) => ({ ok: true, value: makeTask({ task_id: id, status: id % 10 < 6 ? 'completed' : 'in_progress' }) }),
    });
    for (let id = 1; id <= 1000; id++) t.monitor.add(id);
    await t.clock.advance(40 * 60_000);
    const times = t.calls.map((c) => c.at);
    // A server counting in any 60-second window sees no more than the budget.
    expect(maxInAnyWindow(times, 60_000)).toBeLessThanOrEqual(60);
    expect(times.length).toBeGreaterThan(40 * 55); // and it does use the budget
    expect(new Set(t.calls.map((c) => c.id)).size).toBe(1000);
    // running tasks get most of it: each was polled several times, finished ones about once
    expect(t.callsOf(7).length).toBeGreaterThan(3 * t.callsOf(1).length);
  });

  it('pauses every request for as long as a 429 says, then resumes', async () => {
    const t = setup();
    t.answerWith(fail({ kind: 'rate-limited', retryAfterMs: 120_000 }));
    t.monitor.add(1);
    t.monitor.add(2);
    await t.clock.advance(0);
    const before = t.calls.length;
    expect(before).toBe(2);
    t.answerWith((id) => ({ ok: true, value: makeTask({ task_id: id }) }));
    await t.clock.advance(119_000);
    expect(t.calls.length).toBe(before);
    expect(t.monitor.rateLimitedUntilTime()).not.toBeNull();
    await t.clock.advance(2_000);
    expect(t.calls.length).toBeGreaterThan(before);
  });

  it('uses a default pause when a 429 has no Retry-After', async () => {
    const t = setup();
    t.answerWith(fail({ kind: 'rate-limited', retryAfterMs: null }));
    t.monitor.add(1);
    await t.clock.advance(59_000);
    expect(t.calls).toHaveLength(1);
    await t.clock.advance(2_000);
    expect(t.calls).toHaveLength(2);
  });

  it('stops everything on a 401 until the key problem is lifted', async () => {
    const t = setup();
    t.answerWith(fail({ kind: 'unauthorized', reason: 'key-revoked', detail: 'API key has been revoked' }));
    t.monitor.add(1);
    t.monitor.add(2);
    await t.clock.advance(10 * 60_000);
    expect(t.calls.length).toBeLessThanOrEqual(2);
    expect(t.monitor.pausedBy()).toContain('unauthorized');
    t.answerWith((id) => ({ ok: true, value: makeTask({ task_id: id }) }));
    const before = t.calls.length;
    t.monitor.resume('unauthorized');
    await t.clock.advance(0);
    expect(t.calls.length).toBeGreaterThan(before);
  });

  it('backs off on network errors but retries within one interval, and recovers', async () => {
    const t = setup();
    t.answerWith(fail({ kind: 'network', message: 'ECONNREFUSED' }));
    t.monitor.add(1);
    await t.clock.advance(5 * 60_000);
    const times = t.callsOf(1);
    const gaps = times.slice(1).map((at, i) => at - times[i]!);
    expect(gaps[0]).toBeLessThan(gaps[2]!); // growing
    expect(Math.max(...gaps)).toBeLessThanOrEqual(30_000); // never beyond one interval
    t.answerWith((id) => ({ ok: true, value: makeTask({ task_id: id }) }));
    const failedUntil = t.clock.now();
    await t.clock.advance(30_000);
    expect(t.calls.at(-1)!.at).toBeGreaterThan(failedUntil);
  });

  it('treats a missing task as unavailable and retries it slowly', async () => {
    const t = setup();
    t.answerWith(fail({ kind: 'not-found', detail: 'Task not found' }));
    t.monitor.add(1);
    await t.clock.advance(9 * 60_000);
    expect(t.calls).toHaveLength(1);
    await t.clock.advance(2 * 60_000);
    expect(t.calls).toHaveLength(2);
  });

  it('sends nothing while suspended and refreshes at once on resume', async () => {
    const t = setup();
    t.monitor.add(1);
    await t.clock.advance(0);
    t.monitor.pause('suspended');
    await t.clock.advance(5 * 60_000);
    expect(t.calls).toHaveLength(1);
    t.monitor.resume('suspended');
    t.monitor.refreshNow();
    await t.clock.advance(0);
    expect(t.calls).toHaveLength(2);
  });

  it('pauses while offline, and looks again at once when the network or the screen comes back', async () => {
    const t = setup();
    t.monitor.add(1);
    await t.clock.advance(0);
    t.monitor.applySystemChange({ online: false });
    await t.clock.advance(5 * 60_000);
    expect(t.calls).toHaveLength(1);
    t.monitor.applySystemChange({ online: true });
    await t.clock.advance(0);
    expect(t.calls).toHaveLength(2);
    await t.clock.advance(10_000);
    t.monitor.applySystemChange({ locked: false });
    await t.clock.advance(0);
    expect(t.calls).toHaveLength(3);
  });

  it('stretches intervals evenly when the budget cannot cover every task', () => {
    const t = setup({ budget: 10 });
    for (let id = 1; id <= 20; id++) t.monitor.add(id);
    // 20 running tasks at 2 a minute each want 40 a minute; the budget is 10.
    expect(t.monitor.stretch()).toBe(4);
  });
});

describe('the pause after a 429 has a floor and a ceiling', () => {
  it.each([[0], [0.4], [-5_000], [Number.NaN]])('Retry-After worth %s ms sends a handful of requests a minute, not a storm', async (retryAfterMs) => {
    const t = setup({ budget: 60 });
    t.answerWith(fail({ kind: 'rate-limited', retryAfterMs }));
    t.monitor.add(1);
    await t.clock.advance(60_000);
    // 1 s, then 2, 4, 8, 16, 32 s: the floor doubles while the server keeps answering 429.
    expect(t.calls.length).toBeLessThanOrEqual(7);
    expect(t.calls.length).toBeGreaterThanOrEqual(2);
    // The key's budget is left for the key checks.
    expect(t.monitor.trySpend()).toBe(true);
  });

  it('waits at most five minutes, however long the server asks for', async () => {
    const t = setup();
    t.answerWith(fail({ kind: 'rate-limited', retryAfterMs: 10 * 365 * 24 * 3_600_000 }));
    t.monitor.add(1);
    await t.clock.advance(0);
    t.answerWith((id) => ({ ok: true, value: makeTask({ task_id: id }) }));
    await t.clock.advance(MAX_RATE_LIMIT_PAUSE_MS - 1_000);
    expect(t.calls).toHaveLength(1);
    await t.clock.advance(2_000);
    expect(t.calls).toHaveLength(2);
  });

  it('obeys Retry-After between the floor (doubling in a streak) and the ceiling', () => {
    expect(rateLimitPause(0, 1, 60)).toBe(MIN_RATE_LIMIT_PAUSE_MS);
    expect(rateLimitPause(0, 3, 60)).toBe(4 * MIN_RATE_LIMIT_PAUSE_MS);
    expect(rateLimitPause(0, 1, 10)).toBe(6_000); // the budget's spacing, when wider than 1 s
    expect(rateLimitPause(30_000, 1, 60)).toBe(30_000);
    expect(rateLimitPause(null, 1, 60)).toBe(60_000);
    expect(rateLimitPause(Number.POSITIVE_INFINITY, 1, 60)).toBe(MAX_RATE_LIMIT_PAUSE_MS);
  });
});
