import { mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { AppSnapshot } from '../../src-main/contract/dto.ts';
import { AppService } from '../../src-main/core/app/AppService.ts';
import { emptyState } from '../../src-main/core/app/loadPersistedState.ts';
import { EMIT_DELAY_MS } from '../../src-main/core/app/SnapshotFeed.ts';
import { SCHEMA_VERSION } from '../../src-main/core/app/PersistedState.ts';
import { JsonFileStore } from '../../src-main/node/store/JsonFileStore.ts';
import { MemorySecretStore } from '../../src-main/node/store/MemorySecretStore.ts';
import { FakeClock } from '../support/FakeClock.ts';
import { makeTask } from '../support/makeTask.ts';
import { IoTracker, RecordingLogger } from '../support/harness.ts';
import { useTempStateFile } from '../support/stateFile.ts';

// The real engine on a real file. No key is stored, so nothing is ever fetched: a fetch fails the test.
let dir: string;
let file: string;
useTempStateFile('chamelio-rules-', (d, f) => ((dir = d), (file = f)));

function startApp(store: JsonFileStore) {
  const clock = new FakeClock();
  const logger = new RecordingLogger();
  const io = new IoTracker();
  const app = new AppService({
    clock,
    fetch: () => Promise.reject(new Error('no request is expected')),
    persistence: {
      load: () => io.track(store.load()),
      save: (state) => io.track(store.save(state)),
      keepAside: (label) => io.track(store.keepAside(label)),
      get problem() { return store.problem; },
    },
    secrets: new MemorySecretStore(null),
    notifier: { show: () => undefined },
    logger,
  });
  const shown: AppSnapshot[] = [];
  app.subscribe((s) => shown.push(s));
  /** Fake time forward, the real disk's work done, then the snapshot it caused pushed. */
  const run = async (ms: number) => { await clock.advance(ms); await io.idle(); await clock.advance(EMIT_DELAY_MS); };
  return { app, run, logger, shown };
}

const OURS = { ...emptyState(), pinned: [{ id: 7, pinnedAt: 1, snapshot: null, unseen: false, unavailable: false }] };

describe('a state file written by a newer version', () => {
  it('is refused: nothing loaded, the user and the log told, and not one byte changed after a session of changes', async () => {
    const newer = JSON.stringify({ ...OURS, schemaVersion: SCHEMA_VERSION + 1, pinned: [{ id: 9, pinnedAt: 1, tags: ['future'] }], futureField: { kept: true } });
    writeFileSync(file, newer);
    const { app, run, logger } = startApp(new JsonFileStore(file));
    await app.start();
    expect(app.getState().tasks).toEqual([]);
    expect(app.getState().storageProblem).toMatch(/written by a newer version of Chamelio Tray.*left untouched/);
    expect(logger.lines.filter((l) => l.includes('"level":"error"') && l.includes('newer version'))).toHaveLength(1);
    await app.pin('12 13');
    await app.updateSettings({ pollIntervalSeconds: 120 });
    await app.markSeen(12);
    await run(10 * 60_000);
    await app.stop();
    expect(readFileSync(file, 'utf8')).toBe(newer);
    expect(readdirSync(dir)).toEqual(['state.json']);
  });

  it('a file of our own version is read as before, with no problem shown', async () => {
    writeFileSync(file, JSON.stringify(OURS));
    const { app } = startApp(new JsonFileStore(file));
    await app.start();
    expect(app.getState()).toMatchObject({ tasks: [{ id: 7 }], storageProblem: null });
    await app.stop();
  });
});

describe('a state file that is JSON but not an object', () => {
  it.each(['null', '[]', '[{"id":7}]', '42', '"state"', 'true'])('%s is kept aside, the user told, and the app starts empty and saves afresh', async (text) => {
    writeFileSync(file, text);
    const { app, run } = startApp(new JsonFileStore(file, () => 1000));
    await app.start();
    expect(app.getState().tasks).toEqual([]);
    expect(app.getState().storageProblem).toMatch(/holds .* instead of the app's state; it was kept as state\.json\.not-an-object-1000/);
    expect(readFileSync(`${file}.not-an-object-1000`, 'utf8')).toBe(text);
    await app.pin('5');
    await run(1000);
    await app.stop();
    expect(JSON.parse(readFileSync(file, 'utf8')).pinned.map((p: { id: number }) => p.id)).toEqual([5]);
  });
});

describe('a save that fails', () => {
  it('is shown in the snapshot in plain words while it fails, and the line goes once a save works', async () => {
    // A real failure of the file system: the state's folder is missing until the test creates it.
    const folder = join(dir, 'missing');
    const { app, run, shown } = startApp(new JsonFileStore(join(folder, 'state.json')));
    await app.start();
    await app.pin('5');
    await run(1000);
    expect(app.getState().storageProblem).toMatch(/^Changes could not be saved \(Error: ENOENT.*\); they are kept in memory and saving is retried\.$/);
    expect(shown.at(-1)?.storageProblem).toBe(app.getState().storageProblem);
    expect(app.getState().tasks.map((t) => t.id)).toEqual([5]);
    mkdirSync(folder);
    await run(10_000);
    expect(app.getState().storageProblem).toBeNull();
    expect(shown.at(-1)?.storageProblem).toBeNull();
    expect(JSON.parse(readFileSync(join(folder, 'state.json'), 'utf8')).pinned).toHaveLength(1);
    await app.stop();
  });
});

describe('a state file with wrong types inside its object', () => {
  const pin = (id: number, snapshot: unknown = null) => ({ id, pinnedAt: 1, snapshot, unseen: false, unavailable: false });
  const CASES = [
    { name: '"pinned" a string', file: { ...emptyState(), pinned: 'oops' }, says: /the list of pinned tasks/, pins: [] },
    { name: '"settings" a number', file: { ...OURS, settings: 42 }, says: /the settings\)/, pins: [7] },
    {
      name: 'a pin whose snapshot has wrong types',
      file: { ...emptyState(), pinned: [pin(7, makeTask({ task_id: 7 })), pin(8, { ...makeTask({ task_id: 8 }), status: 3 })] },
      says: /the last seen state of a task \(fetched again\)/,
      pins: [7, 8],
    },
    { name: 'a setting of the wrong type', file: { ...OURS, settings: { ...emptyState().settings, theme: 7 } }, says: /the setting "theme"/, pins: [7] },
  ];

  it.each(CASES)('$name: a copy is kept before the first save, the user told in plain words, the rest loaded', async ({ file: state, says, pins }) => {
    const text = JSON.stringify(state);
    writeFileSync(file, text);
    const { app, run, logger } = startApp(new JsonFileStore(file, () => 1000));
    await app.start();
    expect(app.getState().tasks.map((t) => t.id)).toEqual(pins);
    const problem = app.getState().storageProblem;
    expect(problem).toMatch(/^Part of your saved state could not be read and was left out \(/);
    expect(problem).toMatch(says);
    expect(problem).toMatch(/the file as it was is kept as state\.json\.partly-read-1000\.$/);
    expect(readFileSync(`${file}.partly-read-1000`, 'utf8')).toBe(text);
    expect(logger.lines.filter((l) => l.includes('part of the state file could not be read'))).toHaveLength(1);
    await run(1000);
    await app.stop();
    // The state as read is written once, so the copy is taken once; the copy is never touched again.
    expect(JSON.parse(readFileSync(file, 'utf8')).pinned.map((p: { id: number }) => p.id)).toEqual(pins);
    expect(readFileSync(`${file}.partly-read-1000`, 'utf8')).toBe(text);
    const again = startApp(new JsonFileStore(file, () => 2000));
    await again.app.start();
    expect(again.app.getState().storageProblem).toBeNull();
    await again.app.stop();
    expect(readdirSync(dir).sort()).toEqual(['state.json', 'state.json.partly-read-1000']);
  });

  it('when no copy can be kept, nothing is written this session and the user is told why', async () => {
    const text = JSON.stringify({ ...OURS, pinned: [...OURS.pinned, 'junk'] });
    writeFileSync(file, text);
    // A real failure: the copy's name is taken (by a folder), and a copy never replaces anything.
    mkdirSync(`${file}.partly-read-1000`);
    const { app, run } = startApp(new JsonFileStore(file, () => 1000));
    await app.start();
    expect(app.getState().tasks.map((t) => t.id)).toEqual([7]);
    expect(app.getState().storageProblem).toMatch(/a pinned task that could not be read\), and no copy of the file could be kept\. To lose nothing, it is left untouched/);
    await app.pin('5');
    await run(10 * 60_000);
    await app.stop();
    expect(readFileSync(file, 'utf8')).toBe(text);
  });
});
