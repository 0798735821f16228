import { EventEmitter } from 'node:events';
import { describe, expect, it, vi } from 'vitest';
import { FakeClock } from '../../support/FakeClock.ts';
import { ONLINE_POLL_MS, OnlineWatcher, wirePowerMonitor, type SystemStateChange } from '../../../src-main/electron/systemState.ts';

describe('wirePowerMonitor', () => {
  it('pauses on sleep, refreshes on wake and unlock, and re-checks connectivity after waking', () => {
    const pm = new EventEmitter();
    const changes: SystemStateChange[] = [];
    const afterWake = vi.fn();
    wirePowerMonitor(pm, { setSystemState: (c) => changes.push(c) }, afterWake);
    pm.emit('suspend');
    pm.emit('resume');
    pm.emit('lock-screen');
    pm.emit('unlock-screen');
    expect(changes).toEqual([{ suspended: true }, { suspended: false }, { locked: true }, { locked: false }]);
    expect(afterWake).toHaveBeenCalledTimes(2);
  });
});

describe('OnlineWatcher', () => {
  it('reports the state at start and then only changes, on a timer', async () => {
    const clock = new FakeClock();
    let online = true;
    const changes: SystemStateChange[] = [];
    const watcher = new OnlineWatcher({ isOnline: () => online, clock, sink: { setSystemState: (c) => changes.push(c) } });
    watcher.start();
    expect(changes).toEqual([{ online: true }]);
    await clock.advance(ONLINE_POLL_MS * 3);
    expect(changes).toHaveLength(1);
    online = false;
    await clock.advance(ONLINE_POLL_MS);
    online = true;
    watcher.check();
    expect(changes).toEqual([{ online: true }, { online: false }, { online: true }]);
    watcher.stop();
    expect(clock.pendingTimers()).toBe(0);
  });
});
