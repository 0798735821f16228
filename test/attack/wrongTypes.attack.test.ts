/**
 * A state file that is an object but holds wrong types inside it: every field of the state, of a
 * pin, of a saved task snapshot, of the settings and of a history entry, given each JSON value of
 * another type. Whatever the engine leaves out, the file as it was is copied aside before anything
 * overwrites it, and the user is told; what it keeps is written back as it was read.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { emptyState, readPersistedState } from '../../src-main/core/app/loadPersistedState.ts';
import { openState } from '../../src-main/core/app/openState.ts';
import type { Logger } from '../../src-main/core/app/ports.ts';
import { JsonFileStore } from '../../src-main/node/store/JsonFileStore.ts';
import { makeTask } from '../support/makeTask.ts';
import { countCases } from './support/cases.ts';

type Json = unknown;
type Mutable = Record<string, Json>;

/** A state with every kind of field filled, as the engine writes it (a copy: DEFAULT_SETTINGS is shared). */
function wholeState(): Mutable {
  return structuredClone({
    ...emptyState(),
    pinned: [{ id: 7, pinnedAt: 5, snapshot: makeTask({ task_id: 7 }), unseen: true, unavailable: false, snooze: { kind: 'until-change', since: 3 }, notificationLevel: 'never' }],
    activity: [{ id: 'a1', at: 9, taskId: 7, taskTitle: 'T', kind: 'status', text: 'A → B', assignedToYou: false }],
    notificationsPausedUntil: 1000,
  });
}

/** JSON values of another type than `sample`'s (null only where the sample is no null). */
function wrongFor(sample: Json): Json[] {
  const all: Array<[string, Json]> = [['string', 'x'], ['number', 42], ['boolean', true], ['array', [1]], ['object', { a: 1 }], ['null', null]];
  const kind = sample === null ? 'null' : Array.isArray(sample) ? 'array' : typeof sample;
  // A field that may be null (a snapshot's completed_at) takes a string too: leave both out.
  return all.filter(([k]) => k !== kind && !(kind === 'null' && k === 'string')).map(([, v]) => v);
}

interface Case { where: string; value: Json; apply: (s: Mutable) => void }

function casesAt(where: string, target: (s: Mutable) => Mutable, keys: readonly string[]): Case[] {
  const sample = target(wholeState());
  return keys.flatMap((key) => wrongFor(sample[key]).map((value) => ({ where: `${where}.${key}`, value, apply: (s: Mutable) => void (target(s)[key] = value) })));
}

const pin = (s: Mutable) => (s.pinned as Mutable[])[0]!;
const CASES: Case[] = [
  ...casesAt('state', (s) => s, ['settings', 'pinned', 'activity', 'notificationsPausedUntil']),
  ...casesAt('pin', pin, ['id', 'pinnedAt', 'unseen', 'unavailable', 'snapshot', 'snooze', 'notificationLevel']),
  ...casesAt('snapshot', (s) => pin(s).snapshot as Mutable, Object.keys(makeTask())),
  ...casesAt('settings', (s) => s.settings as Mutable, Object.keys(emptyState().settings)),
  ...casesAt('history entry', (s) => (s.activity as Mutable[])[0]!, ['id', 'at', 'taskId', 'taskTitle', 'kind', 'text', 'assignedToYou']),
];

/** The state with null fields dropped: `snooze: null` and no snooze say the same. */
function withoutNulls(value: Json): Json {
  if (Array.isArray(value)) return value.map(withoutNulls);
  if (typeof value !== 'object' || value === null) return value;
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== null).map(([k, v]) => [k, withoutNulls(v)]));
}

const quiet: Logger = { info: () => undefined, warn: () => undefined, error: () => undefined };
let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'chamelio-types-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('a state file with wrong types inside its object', () => {
  it('the state the engine writes is read whole: nothing to copy, nothing to tell', () => {
    const whole = wholeState();
    expect(readPersistedState(JSON.parse(JSON.stringify(whole))).leftOut).toEqual([]);
    expect(readPersistedState(JSON.parse(JSON.stringify(whole))).state).toEqual(whole);
    countCases('state file', 1);
  });

  it(`${CASES.length} wrong values: each is copied aside before the first write, and the user told`, async () => {
    for (const [i, c] of CASES.entries()) {
      const file = join(dir, `state-${i}.json`);
      const state = wholeState();
      c.apply(state);
      const text = JSON.stringify(state);
      writeFileSync(file, text);
      const store = new JsonFileStore(file, () => 1);
      const opened = await openState(store, quiet);
      const label = `${c.where} = ${JSON.stringify(c.value)}`;
      if (c.value === null && opened.problem === null) {
        // null is a value several fields may hold ("no snapshot yet"): then it must be kept as it was.
        expect(withoutNulls(opened.state), label).toEqual(withoutNulls(state));
        continue;
      }
      expect(opened.problem, label).toMatch(/^Part of your saved state could not be read and was left out \(.+\)\. Everything else was loaded, and the file as it was is kept as state-\d+\.json\.partly-read-1\.$/);
      expect(readFileSync(`${file}.partly-read-1`, 'utf8'), label).toBe(text);
      expect(JSON.parse(readFileSync(file, 'utf8')), label).toEqual(opened.state);
    }
    countCases('state file', CASES.length);
  });
});
