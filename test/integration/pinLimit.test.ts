import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import Conf from 'conf';
import { afterEach, describe, expect, it } from 'vitest';
import { MAX_PINS } from '../../src-main/core/app/PinList.ts';
import { ElectronStorePersistence, STORE_OPTIONS, type KeyValueStore } from '../../src-main/electron/settingsStore.ts';
import { startHarness, type Harness } from '../support/harness.ts';
import { untyped } from '../support/untyped.ts';

// The desktop store through conf, electron-store's Electron-free base, with the app's own options
// (schema included): what the schema refuses here, the app's store refuses too.
let dir: string;
let harness: Harness | null = null;
const desktopStore = () => new ElectronStorePersistence(untyped<KeyValueStore>(new Conf({ ...STORE_OPTIONS, cwd: dir, projectVersion: '0.1.0' })));
const ids = (from: number, n: number) => Array.from({ length: n }, (_, i) => from + i).join(' ');

afterEach(async () => {
  await harness?.close();
  harness = null;
  rmSync(dir, { recursive: true, force: true });
});

describe('the pin limit, agreed by the engine and the desktop store', () => {
  it('refuses a 1,500-task paste whole, keeps 1,000 across a restart, and refuses the 1,001st with its reason', async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'pins-'));
    const persistence = desktopStore();
    harness = await startHarness({ withKey: false, deps: { persistence } });
    const app = harness.app;

    const tooMany = await app.pin(ids(1, 1500));
    expect(tooMany.pinned).toEqual([]);
    expect(tooMany.rejected.at(-1)).toMatchObject({ reason: 'too-many-pins', fragment: ids(1, 1500) });
    expect(tooMany.rejected.at(-1)?.message).toContain('the limit is 1,000');
    expect(app.getState().tasks).toHaveLength(0);

    expect((await app.pin(ids(1, MAX_PINS))).pinned).toHaveLength(MAX_PINS);
    const past = await app.pin(`${ids(1, 3)} 5000`);
    expect(past).toMatchObject({ pinned: [], alreadyPinned: [1, 2, 3], rejected: [{ reason: 'too-many-pins', fragment: '5000' }] });
    await harness.run(1000);
    expect(harness.logger.lines.filter((l) => l.includes('saving state failed'))).toEqual([]);

    await harness.restart();
    expect(harness.app.getState().tasks).toHaveLength(MAX_PINS);
  });

  it('uses one number: the store schema caps pinned at MAX_PINS', () => {
    expect(STORE_OPTIONS.schema.state.anyOf[1].properties.pinned.maxItems).toBe(MAX_PINS);
  });
});
