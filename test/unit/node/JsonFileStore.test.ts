import { mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { emptyState } from '../../../src-main/core/app/loadPersistedState.ts';
import { JsonFileStore } from '../../../src-main/node/store/JsonFileStore.ts';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'chamelio-store-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('JsonFileStore', () => {
  it('reads nothing on a first run, then what it saved, in a file only the user can read', async () => {
    const store = new JsonFileStore(join(dir, 'state.json'));
    expect(await store.load()).toBeNull();
    await store.save(emptyState());
    expect(await store.load()).toEqual(emptyState());
    expect((await stat(join(dir, 'state.json'))).mode & 0o777).toBe(0o600);
    expect(store.writes).toBe(1);
  });

  it('moves a damaged file aside instead of overwriting it', async () => {
    const file = join(dir, 'state.json');
    await writeFile(file, '{"pinned": [1, 2');
    const store = new JsonFileStore(file);
    expect(await store.load()).toBeNull();
    expect(store.setAside).toMatch(/state\.json\.damaged-\d+$/);
    await store.save(emptyState());
    expect(await readFile(store.setAside!, 'utf8')).toBe('{"pinned": [1, 2');
    expect((await readdir(dir)).sort()).toEqual(['state.json', store.setAside!.split('/').pop()].sort());
  });
});
