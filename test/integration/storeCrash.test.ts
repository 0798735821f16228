import { spawn } from 'node:child_process';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadPersistedState } from '../../src-main/core/app/loadPersistedState.ts';
import { JsonFileStore } from '../../src-main/node/store/JsonFileStore.ts';

/** Starts the writer and, once it has saved at least once, kills it with SIGKILL after `delayMs`: mid-write, most times. */
function killMidWrite(file: string, delayMs: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [join(import.meta.dirname, '../fixtures/storeWriter.ts'), file], { stdio: ['ignore', 'pipe', 'inherit'] });
    child.stdout.once('data', () => setTimeout(() => child.kill('SIGKILL'), delayMs));
    child.on('exit', (_code, signal) => (signal === 'SIGKILL' ? resolve() : reject(new Error(`writer exited with ${signal}`))));
  });
}

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
