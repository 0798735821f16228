import { execFileSync } from 'node:child_process';
import { lstatSync, readFileSync, readdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { emptyState, loadPersistedState } from '../../src-main/core/app/loadPersistedState.ts';
import { JsonFileStore } from '../../src-main/node/store/JsonFileStore.ts';
import { killMidWrite, useTempStateFile } from '../support/stateFile.ts';
import { countCases } from './support/cases.ts';

let dir: string;
let file: string;
useTempStateFile('chamelio-state-', (d, f) => ((dir = d), (file = f)));

const state = { ...emptyState(), pinned: [{ id: 7, pinnedAt: 1, snapshot: null, unseen: false, unavailable: false }] };

const DAMAGED = [
  '', '{', '{"schemaVersion":1,', 'null x', '\u0000\u0000', '{"a":1}}', '[1,2', 'undefined', "{'a':1}", '{"a":NaN}',
  '\uFEFF{', '{"pinned":[{"id":1},]}', 'garbage', '<html>', '{"a":"\\x"}', '{"a":"\u00e9', '1 2', '{}{}', '[]]', '{"a":01}',
];

describe('the state file, damaged or strange', () => {
  it.each(DAMAGED.map((text, i) => [i, text] as const))('damaged #%i is kept aside, the user told, and the app starts afresh', async (_i, text) => {
    writeFileSync(file, text);
    const store = new JsonFileStore(file, () => 1000);
    expect(await store.load()).toBeNull();
    expect(store.setAside).toBe(`${file}.damaged-1000`);
    expect(readFileSync(store.setAside!, 'utf8')).toBe(text);
    expect(store.problem).toMatch(/could not be read.*kept as state\.json\.damaged-1000/);
    countCases('state file', 1);
  });

  it.each(['null', '[]', '[1,2]', '0', '"{}"', 'false'])('JSON that is no state (%s) is kept aside and said so, never overwritten unseen', async (text) => {
    writeFileSync(file, text);
    const store = new JsonFileStore(file, () => 7);
    expect(await store.load()).toBeNull();
    expect(readFileSync(`${file}.not-an-object-7`, 'utf8')).toBe(text);
    expect(store.problem).toMatch(/instead of the app's state; it was kept as state\.json\.not-an-object-7/);
    countCases('state file', 1);
  });

  it('reads a file that starts with a UTF-8 BOM', async () => {
    writeFileSync(file, `\uFEFF${JSON.stringify(state)}`);
    const store = new JsonFileStore(file);
    expect(loadPersistedState(await store.load()).pinned.map((p) => p.id)).toEqual([7]);
    expect(store.problem).toBeNull();
    countCases('state file', 1);
  });

  it('a FIFO in its place does not hang start-up: it is moved aside', async () => {
    execFileSync('mkfifo', [file]);
    const store = new JsonFileStore(file, () => 5);
    expect(await store.load()).toBeNull();
    expect(store.problem).toMatch(/not a regular file/);
    expect(lstatSync(`${file}.not-a-file-5`).isFIFO()).toBe(true);
    countCases('state file', 1);
  });

  it('a symlinked state.json is read, but the save replaces the link instead of writing through it', async () => {
    const target = join(dir, 'elsewhere.json');
    writeFileSync(target, JSON.stringify(state));
    symlinkSync(target, file);
    const store = new JsonFileStore(file);
    expect(loadPersistedState(await store.load()).pinned).toHaveLength(1);
    await store.save(emptyState());
    expect(lstatSync(file).isSymbolicLink()).toBe(false);
    expect(JSON.parse(readFileSync(target, 'utf8')).pinned).toHaveLength(1);
    countCases('state file', 1);
  });

  it('temporary files of killed writes are removed at start, and only they', async () => {
    writeFileSync(file, JSON.stringify(state));
    for (const name of ['state.json.tmp-0123456789ab', 'state.json.8237461923', 'state.json.damaged-5', 'notes.txt']) writeFileSync(join(dir, name), 'x');
    await new JsonFileStore(file).load();
    expect(readdirSync(dir).sort()).toEqual(['notes.txt', 'state.json', 'state.json.damaged-5']);
    countCases('state file', 1);
  });
});

describe('kills during writes', () => {
  it('after 10 SIGKILLs the state is whole and no temporary file is left once the app started', async () => {
    for (let round = 0; round < 10; round++) {
      await killMidWrite(file, round * 5);
      const store = new JsonFileStore(file);
      expect(loadPersistedState(await store.load()).pinned).toHaveLength(200);
      expect(readdirSync(dir)).toEqual(['state.json']);
    }
    countCases('state file', 10);
  }, 60_000);
});
