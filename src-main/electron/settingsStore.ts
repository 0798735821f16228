/**
 * What this app keeps in electron-store (`config.json` in the userData folder, mode 0600): the
 * engine's persisted state under one key, the encrypted API key record, and this file's own layout
 * version. Only main reads it; the renderer never imports electron-store. The engine checks the
 * state's content on load; the schema here guards the file's shape.
 */
import { writeFile } from 'node:fs/promises';
import { basename } from 'node:path';
import type { PersistedState } from '../core/app/PersistedState.ts';
import { MAX_PINS } from '../core/app/PinList.ts';
import type { Persistence } from '../core/app/ports.ts';
import type { KeyRecordStore, StoredKeyRecord } from './secretStore.ts';

/** The layout of config.json (not the engine's PersistedState.schemaVersion). */
export const STORE_VERSION = 1;

export interface StoreShape {
  storeVersion: number;
  state: PersistedState | null;
  apiKey: StoredKeyRecord | null;
}

type StoreKey = keyof StoreShape;

/**
 * What this app asks of the file: `Store<StoreShape>` from electron-store (and `Conf<StoreShape>`,
 * its Electron-free base, in tests) satisfy it as they are. A read is `unknown`: the file may hold
 * anything the schema lets through, and every reader checks what it gets.
 */
export interface KeyValueStore {
  get(key: StoreKey): unknown;
  set<K extends StoreKey>(key: K, value: StoreShape[K]): void;
  /** The file (conf's and electron-store's `path`); absent in stand-ins. */
  readonly path?: string;
}

const STORE_SCHEMA = {
  storeVersion: { type: 'integer', minimum: 1 },
  state: {
    anyOf: [
      { type: 'null' },
      {
        type: 'object',
        required: ['schemaVersion', 'settings', 'pinned', 'activity'],
        properties: {
          schemaVersion: { type: 'integer', minimum: 1 },
          settings: { type: 'object' },
          pinned: { type: 'array', maxItems: MAX_PINS, items: { type: 'object' } },
          activity: { type: 'array', maxItems: 10_000, items: { type: 'object' } },
          notificationsPausedUntil: { type: ['number', 'null'] },
        },
      },
    ],
  },
  apiKey: {
    anyOf: [
      { type: 'null' },
      {
        type: 'object',
        required: ['v', 'cipher', 'protection'],
        additionalProperties: false,
        properties: {
          v: { const: 1 },
          cipher: { type: 'string', minLength: 1, maxLength: 16_384, pattern: '^[A-Za-z0-9+/]+=*$' },
          protection: { enum: ['os', 'weak'] },
        },
      },
    ],
  },
} as const;

/** Options shared by electron-store in the app and conf in the tests. */
export const STORE_OPTIONS = {
  configName: 'config',
  schema: STORE_SCHEMA,
  defaults: { storeVersion: STORE_VERSION, state: null, apiKey: null },
  // The file holds the key's ciphertext and the user's tasks: owner only.
  configFileMode: 0o600,
  // Never silently wipe the user's pins: a damaged file is moved aside by the caller instead.
  clearInvalidConfig: false,
  // No dot paths: keys are fixed, and a task title must never be read as a path.
  accessPropertiesByDotNotation: false,
  watch: false,
} as const;

type StoreMigration = { kind: 'current' } | { kind: 'upgraded'; from: number } | { kind: 'newer'; version: number };

/** Our own tiny versioned migration (electron-store's `migrations` is unsupported by its author). */
export function migrateStore(store: KeyValueStore): StoreMigration {
  const version = store.get('storeVersion');
  if (version === STORE_VERSION) return { kind: 'current' };
  if (typeof version === 'number' && Number.isInteger(version) && version > STORE_VERSION) {
    // Written by a newer app: read what we understand, change nothing about the layout.
    return { kind: 'newer', version };
  }
  // Version 1 is the first layout: anything else is a file from before versioning. Nothing to move yet.
  store.set('storeVersion', STORE_VERSION);
  return { kind: 'upgraded', from: typeof version === 'number' ? version : 0 };
}

export class ElectronStorePersistence implements Persistence {
  private readonly store: KeyValueStore;
  private readonly now: () => number;
  /** What openStoreWithRecovery found wrong with the file, in plain words, or null. */
  readonly problem: string | null;

  constructor(store: KeyValueStore, options: { problem?: string | null; now?: () => number } = {}) {
    this.store = store;
    this.problem = options.problem ?? null;
    this.now = options.now ?? Date.now;
  }

  async load(): Promise<unknown> {
    return this.store.get('state') ?? null;
  }

  async save(state: PersistedState): Promise<void> {
    this.store.set('state', state);
  }

  /**
   * A copy of the state as it is, beside config.json (0600), for a state the engine read only in
   * part. The key's record stays out of it: a key cleared later must not live on in a copy.
   */
  async keepAside(label: string): Promise<string | null> {
    if (this.store.path === undefined) return null;
    const aside = `${this.store.path}.${label}-${this.now()}`;
    const copy = { storeVersion: this.store.get('storeVersion'), state: this.store.get('state') ?? null, apiKey: null };
    try {
      await writeFile(aside, JSON.stringify(copy, null, '\t'), { mode: 0o600, flag: 'wx' });
      return basename(aside);
    } catch {
      return null;
    }
  }
}

export class StoreKeyRecords implements KeyRecordStore {
  private readonly store: KeyValueStore;

  constructor(store: KeyValueStore) {
    this.store = store;
  }

  read(): unknown {
    return this.store.get('apiKey') ?? null;
  }

  write(record: StoredKeyRecord): void {
    this.store.set('apiKey', record);
  }

  remove(): void {
    this.store.set('apiKey', null);
  }
}

/**
 * Opens the store; when the file cannot be read (not JSON, or rejected by the schema) it is moved
 * aside for the user to inspect and a fresh one is started, instead of failing at every launch.
 * `problem` says so in plain words, for the snapshot's storageProblem.
 */
export function openStoreWithRecovery<T>(input: {
  create: () => T;
  file: string;
  moveAside: (from: string, to: string) => void;
  now: number;
  warn: (message: string, fields?: Record<string, unknown>) => void;
}): { store: T; problem: string | null } {
  try {
    return { store: input.create(), problem: null };
  } catch (error) {
    const aside = `${input.file}.damaged-${input.now}`;
    input.warn('the settings file could not be read; starting afresh and keeping the old one', {
      movedTo: aside,
      error: error instanceof Error ? error.name : 'unknown',
    });
    input.moveAside(input.file, aside);
    const problem = `The saved settings and pins could not be read (the file is damaged or not in this version's layout); it was kept as ${basename(aside)} and the app started afresh; if an API key was saved, enter it again.`;
    return { store: input.create(), problem };
  }
}
