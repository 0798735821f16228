import { EventEmitter } from 'node:events';
import { describe, expect, it, vi } from 'vitest';
import { buildInfo, UPDATE_CHECK_EVERY_MS, updateProblem, UpdateWatcher, type UpdaterLike } from '../../../src-main/electron/updates.ts';
import { FakeClock } from '../../support/FakeClock.ts';

/** electron-updater's AppUpdater as far as the watcher uses it; each check answers with the next outcome. */
class FakeUpdater extends EventEmitter {
  autoDownload = false;
  autoInstallOnAppQuit = false;
  logger: UpdaterLike['logger'] = null;
  outcomes: (Error | null)[] = [];
  async checkForUpdates(): Promise<null> {
    const outcome = this.outcomes.shift() ?? null;
    if (outcome) throw outcome;
    return null;
  }
  quitAndInstall(): void {}
}

const withCode = (code: string): Error => Object.assign(new Error(`some long technical text (${code})`), { code });
const logger = { info: vi.fn(), warn: vi.fn(), error: vi.fn() };

function watcher(updater: FakeUpdater, clock: FakeClock) {
  const onChange = vi.fn();
  const watch = new UpdateWatcher({ load: async (): Promise<UpdaterLike> => updater, plan: { kind: 'on' }, clock, logger, onChange });
  return { watch, onChange };
}

describe('Settings’ build line from the update watcher', () => {
  it('is "not checked yet" before the first check, then the time of the last one', async () => {
    const clock = new FakeClock();
    const updater = new FakeUpdater();
    const { watch, onChange } = watcher(updater, clock);
    expect(buildInfo('0.1.0', watch.status())).toEqual({ version: '0.1.0', updates: { kind: 'not-yet' } });
    await watch.start();
    expect(buildInfo('0.1.0', watch.status())).toEqual({ version: '0.1.0', updates: { kind: 'checked', at: clock.now() } });
    expect(onChange).toHaveBeenCalled();
    watch.stop();
  });

  it('says the last failure in plain words, and forgets it once a check succeeds', async () => {
    const clock = new FakeClock();
    const updater = new FakeUpdater();
    updater.outcomes = [withCode('ERR_UPDATER_CHANNEL_FILE_NOT_FOUND'), null];
    const { watch } = watcher(updater, clock);
    await watch.start();
    const failedAt = clock.now();
    expect(buildInfo('0.1.0', watch.status()).updates).toEqual({ kind: 'failed', at: failedAt, problem: 'the update server has no release for this app' });
    await clock.advance(UPDATE_CHECK_EVERY_MS);
    expect(buildInfo('0.1.0', watch.status()).updates).toEqual({ kind: 'checked', at: failedAt + UPDATE_CHECK_EVERY_MS });
    watch.stop();
  });

  it('a download that fails later (electron-updater emits error) shows as the problem and tells the shell', async () => {
    const clock = new FakeClock();
    const updater = new FakeUpdater();
    const { watch, onChange } = watcher(updater, clock);
    await watch.start();
    onChange.mockClear();
    updater.emit('error', withCode('ERR_UPDATER_INVALID_SIGNATURE'));
    expect(watch.status().problem).toBe('the downloaded update is not signed by us, so it was not installed');
    expect(onChange).toHaveBeenCalledTimes(1);
    watch.stop();
  });

  it('is "off" where the build does not update itself (the deb, an unpackaged run)', () => {
    expect(buildInfo('0.1.0', { plan: { kind: 'off', reason: 'deb' }, lastCheckAt: null, ready: null, problem: null })).toEqual({ version: '0.1.0', updates: { kind: 'off' } });
  });
});

describe('updateProblem', () => {
  it('words electron-updater’s codes, never its message', () => {
    expect(updateProblem(withCode('HTTP_ERROR_404'))).toBe('the update server has no release for this app');
    expect(updateProblem(withCode('HTTP_ERROR_503'))).toBe('the update server answered with an error');
    expect(updateProblem(new Error('net::ERR_INTERNET_DISCONNECTED'))).toBe('the update server could not be reached');
    expect(updateProblem('a string')).toBe('the update server could not be reached');
  });
});
