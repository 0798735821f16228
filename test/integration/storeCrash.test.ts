import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadPersistedState } from '../../src-main/core/app/loadPersistedState.ts';
import { JsonFileStore } from '../../src-main/node/store/JsonFileStore.ts';
import { killMidWrite } from '../support/stateFile.ts';

describe('JsonFileStore under SIGKILL', () => {
  it('reads back a whole state with nothing pinned lost, however the write was cut', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'chamelio-crash-'));
    const file = join(dir, 'state.json');
    try {
      for (let round = 0; round < 12; round++) {
        await killMidWrite(file, round * 7);
        const state = loadPersistedState(await new JsonFileStore(file).load());
        expect(state.pinned).toHaveLength(200);
        expect(state.pinned.every((p) => p.snapshot?.variables.length === 20)).toBe(true);
      }
      // Only the state file, or it plus temporary files from cut writes, never a half-written state.json.
      expect((await readdir(dir)).filter((f) => f === 'state.json')).toHaveLength(1);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  }, 60_000);
});
