import { describe, expect, it } from 'vitest';
import { OneShotTimer } from '../../../src-main/core/time/OneShotTimer.ts';
import { FakeClock } from '../../support/FakeClock.ts';

describe('OneShotTimer', () => {
  it('runs once for a burst of schedules, at the first one\'s deadline', async () => {
    const clock = new FakeClock();
    const runs: number[] = [];
    const timer = new OneShotTimer(clock, 100, () => runs.push(clock.now()));
    const start = clock.now();
    timer.schedule();
    await clock.advance(60);
    timer.schedule();
    timer.schedule();
    expect(timer.isScheduled()).toBe(true);
    await clock.advance(100);
    expect(runs).toEqual([start + 100]);
    expect(timer.isScheduled()).toBe(false);
  });

  it('can be scheduled again after it ran, and with another delay', async () => {
    const clock = new FakeClock();
    let runs = 0;
    const timer = new OneShotTimer(clock, 100, () => runs++);
    timer.schedule();
    await clock.advance(100);
    timer.schedule(5000);
    await clock.advance(4999);
    expect(runs).toBe(1);
    await clock.advance(1);
    expect(runs).toBe(2);
  });

  it('runs nothing once cancelled, and leaves no timer behind', async () => {
    const clock = new FakeClock();
    let runs = 0;
    const timer = new OneShotTimer(clock, 100, () => runs++);
    timer.schedule();
    timer.cancel();
    expect(clock.pendingTimers()).toBe(0);
    await clock.advance(1000);
    expect(runs).toBe(0);
  });
});
