/**
 * The desktop store (conf, electron-store's Electron-free base, with the app's own options and
 * schema) under the real engine, on a real folder: a file the schema refuses is moved aside whole,
 * a file the schema lets through but the engine reads only in part is copied aside first, and the
 * user is told either way. Nothing is overwritten with no copy kept.
 */
import { mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import Conf from 'conf';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { emptyState } from '../../src-main/core/app/loadPersistedState.ts';
import { ElectronStorePersistence, openStoreWithRecovery, STORE_OPTIONS, type KeyValueStore } from '../../src-main/electron/settingsStore.ts';
import { makeTask } from '../support/makeTask.ts';
import { startHarness, type Harness } from '../support/harness.ts';
import { untyped } from '../support/untyped.ts';

let dir: string;
let harness: Harness | null = null;
beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'desktop-state-'));
});
afterEach(async () => {
  await harness?.close();
  harness = null;
  rmSync(dir, { recursive: true, force: true });
});

const configFile = () => path.join(dir, 'config.json');
const KEY_RECORD = { v: 1, cipher: 'Y2lwaGVy', protection: 'os' };

/** The app's start: the store opened with recovery, the engine on it (as wiring/store.ts and engine.ts do). */
async function startDesktop(now: number): Promise<{ store: KeyValueStore; harness: Harness }> {
  const { store, problem } = openStoreWithRecovery({
    create: () => untyped<KeyValueStore>(new Conf({ ...STORE_OPTIONS, cwd: dir, projectVersion: '0.1.0' })),
    file: configFile(),
    moveAside: renameSync,
    now,
    warn: () => undefined,
  });
  harness = await startHarness({ withKey: false, deps: { persistence: new ElectronStorePersistence(store, { problem, now: () => now }) } });
  return { store, harness };
}

describe('the desktop store with wrong types inside the state', () => {
  it.each([
    ['"pinned" a string', { ...emptyState(), pinned: 'oops' }],
    ['"settings" a number', { ...emptyState(), settings: 42 }],
  ])('%s: the schema refuses the file, it is moved aside whole and the user told', async (_name, state) => {
    const text = JSON.stringify({ storeVersion: 1, state, apiKey: KEY_RECORD });
    writeFileSync(configFile(), text);
    const { harness } = await startDesktop(1000);
    expect(harness.app.getState().storageProblem).toMatch(/^The saved settings and pins could not be read .*it was kept as config\.json\.damaged-1000 and the app started afresh; if an API key was saved, enter it again\.$/);
    expect(readFileSync(path.join(dir, 'config.json.damaged-1000'), 'utf8')).toBe(text);
  });

  it('a pin whose snapshot has wrong types: the state is copied aside (without the key) before it is written, and the user told', async () => {
    const good = makeTask({ task_id: 7 });
    const state = { ...emptyState(), pinned: [7, 8].map((id) => ({ id, pinnedAt: 1, snapshot: id === 7 ? good : { ...good, task_id: 'eight', status: 3 }, unseen: false, unavailable: false })) };
    writeFileSync(configFile(), JSON.stringify({ storeVersion: 1, state, apiKey: KEY_RECORD }));
    const { store, harness } = await startDesktop(2000);
    expect(harness.app.getState().tasks.map((t) => t.id)).toEqual([7, 8]);
    expect(harness.app.getState().storageProblem).toMatch(/left out \(the last seen state of a task \(fetched again\)\)\. Everything else was loaded, and the file as it was is kept as config\.json\.partly-read-2000\.$/);
    const copyPath = path.join(dir, 'config.json.partly-read-2000');
    expect(JSON.parse(readFileSync(copyPath, 'utf8'))).toEqual({ storeVersion: 1, state, apiKey: null });
    expect(statSync(copyPath).mode & 0o777).toBe(0o600);
    // The store now holds the state as read; the key's record is untouched.
    const written = store.get('state') as typeof state;
    expect(written.pinned.map((p) => p.snapshot === null)).toEqual([false, true]);
    expect(store.get('apiKey')).toEqual(KEY_RECORD);
  });

  it('a state the engine saved itself (snapshots, a snooze, a level) reads whole after a restart: no copy, nothing to tell', async () => {
    const { store, harness } = await startDesktop(3000);
    harness.simulator.setTask(makeTask({ task_id: 31 }));
    harness.simulator.setTask(makeTask({ task_id: 32 }));
    await harness.app.updateSettings({ apiBaseUrl: harness.simulator.url });
    await harness.app.setApiKey(harness.simulator.apiKey, false);
    await harness.app.pin('31 32');
    await harness.run(2000);
    harness.app.triage.snooze(31, { kind: 'hour' });
    harness.app.triage.setNotificationLevel(32, 'every');
    await harness.run(1000);
    const saved = store.get('state') as ReturnType<typeof emptyState>;
    expect(saved.pinned.map((p) => [p.snapshot?.task_id, p.snooze?.kind ?? null, p.notificationLevel ?? null]).sort()).toEqual([[31, 'timed', null], [32, null, 'every']]);
    await harness.restart();
    expect(harness.app.getState().storageProblem).toBeNull();
    expect(readdirSync(dir)).toEqual(['config.json']);
  });
});
