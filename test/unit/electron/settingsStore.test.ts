import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync, renameSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import Conf from 'conf';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { DEFAULT_SETTINGS } from '../../../src-main/core/app/Settings.ts';
import type { PersistedState } from '../../../src-main/core/app/PersistedState.ts';
import {
  ElectronStorePersistence,
  migrateStore,
  openStoreWithRecovery,
  STORE_OPTIONS,
  STORE_VERSION,
  StoreKeyRecords,
  type KeyValueStore,
  type StoreShape,
} from '../../../src-main/electron/settingsStore.ts';

// conf is electron-store's Electron-free base class: same schema, same file, no `electron` import.
let dir: string;
const open = (): KeyValueStore => new Conf<StoreShape>({ ...STORE_OPTIONS, cwd: dir, projectVersion: '0.1.0' });
/** The same file, untyped, to write what the app never would and see the schema refuse it. */
const openUntyped = (): Conf<Record<string, unknown>> => new Conf<Record<string, unknown>>({ ...STORE_OPTIONS, cwd: dir, projectVersion: '0.1.0' });
const file = () => path.join(dir, 'config.json');

const state: PersistedState = {
  schemaVersion: 1,
  settings: DEFAULT_SETTINGS,
  pinned: [{ id: 7, pinnedAt: 1, snapshot: null, unseen: false, unavailable: false }],
  activity: [],
  notificationsPausedUntil: null,
};

beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'store-'));
});
afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
});

describe('the electron-store file', () => {
  it('is written for the owner only', async () => {
    const store = open();
    await new ElectronStorePersistence(store).save(state);
    expect(statSync(file()).mode & 0o777).toBe(0o600);
  });

  it('round-trips the engine state under one key', async () => {
    const persistence = new ElectronStorePersistence(open());
    expect(await persistence.load()).toBeNull();
    await persistence.save(state);
    expect(await new ElectronStorePersistence(open()).load()).toEqual(state);
    expect(Object.keys(JSON.parse(readFileSync(file(), 'utf8')) as object).sort()).toEqual(['apiKey', 'state', 'storeVersion']);
  });

  it('keeps the key record and rejects a record that is not base64 ciphertext', () => {
    const store = open();
    const keys = new StoreKeyRecords(store);
    expect(keys.read()).toBeNull();
    keys.write({ v: 1, cipher: 'QUJD', protection: 'os' });
    expect(new StoreKeyRecords(open()).read()).toEqual({ v: 1, cipher: 'QUJD', protection: 'os' });
    expect(() => store.set('apiKey', { v: 1, cipher: 'ca_plaintext key', protection: 'os' })).toThrow();
    expect(() => openUntyped().set('apiKey', { v: 1, cipher: 'QUJD', protection: 'os', plain: 'ca_x' })).toThrow();
    keys.remove();
    expect(keys.read()).toBeNull();
  });

  it('rejects state that is not the engine shape', () => {
    const store = openUntyped();
    expect(() => store.set('state', { schemaVersion: 1 })).toThrow();
    expect(() => store.set('state', 'nope')).toThrow();
  });
});

describe('migrateStore', () => {
  it('marks a fresh or pre-versioned file with the current layout', () => {
    const values = new Map<string, unknown>();
    const kv: KeyValueStore = { get: (k) => values.get(k), set: (k, v) => void values.set(k, v) };
    expect(migrateStore(kv)).toEqual({ kind: 'upgraded', from: 0 });
    expect(values.get('storeVersion')).toBe(STORE_VERSION);
    expect(migrateStore(kv)).toEqual({ kind: 'current' });
  });

  it('leaves a newer layout alone', () => {
    const kv: KeyValueStore = { get: () => STORE_VERSION + 1, set: vi.fn() };
    expect(migrateStore(kv)).toEqual({ kind: 'newer', version: STORE_VERSION + 1 });
    expect(kv.set).not.toHaveBeenCalled();
  });
});

describe('openStoreWithRecovery', () => {
  it('opens a readable file with no problem to tell', () => {
    expect(openStoreWithRecovery({ create: open, file: file(), moveAside: renameSync, now: 1, warn: vi.fn() }).problem).toBeNull();
  });

  it('moves a damaged file aside and starts afresh instead of failing every launch', () => {
    writeFileSync(file(), '{ not json');
    const warn = vi.fn();
    const { store, problem } = openStoreWithRecovery({ create: open, file: file(), moveAside: renameSync, now: 1234, warn });
    expect(store.get('state')).toBeNull();
    expect(problem).toMatch(/could not be read .*kept as config\.json\.damaged-1234 and the app started afresh/);
    expect(readdirSync(dir)).toContain('config.json.damaged-1234');
    expect(readFileSync(path.join(dir, 'config.json.damaged-1234'), 'utf8')).toBe('{ not json');
    expect(warn).toHaveBeenCalledOnce();
  });

  it('moves aside a file the schema rejects', () => {
    writeFileSync(file(), JSON.stringify({ storeVersion: 1, state: null, apiKey: { v: 1, cipher: 'plain key', protection: 'os' } }));
    const { store } = openStoreWithRecovery({ create: open, file: file(), moveAside: renameSync, now: 1, warn: vi.fn() });
    expect(store.get('apiKey')).toBeNull();
    expect(readdirSync(dir)).toContain('config.json.damaged-1');
  });
});
