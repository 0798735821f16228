/**
 * Storage: settings, pins, history and the encrypted key in one electron-store file,
 * `<userData>/config.json` (0600; settingsStore.ts says what is in it), and the key store on top.
 */
import { renameSync } from 'node:fs';
import path from 'node:path';
import { ipcMain } from 'electron';
import Store from 'electron-store';
import type { Logger } from '../../core/app/ports.ts';
import { safeStorageCipher } from '../electronAdapters.ts';
import { SafeStorageSecretStore } from '../secretStore.ts';
import { migrateStore, openStoreWithRecovery, STORE_OPTIONS, StoreKeyRecords, type KeyValueStore, type StoreShape } from '../settingsStore.ts';

/** The store, and what was wrong with its file at start (moved aside), in plain words, or null. */
export function createStore(userData: string, logger: Logger): { store: KeyValueStore; problem: string | null } {
  const { store, problem } = openStoreWithRecovery<KeyValueStore>({
    create: () =>
      new Store<StoreShape>({
        name: STORE_OPTIONS.configName,
        schema: STORE_OPTIONS.schema,
        defaults: STORE_OPTIONS.defaults,
        configFileMode: STORE_OPTIONS.configFileMode,
        clearInvalidConfig: STORE_OPTIONS.clearInvalidConfig,
        accessPropertiesByDotNotation: STORE_OPTIONS.accessPropertiesByDotNotation,
        watch: STORE_OPTIONS.watch,
      }),
    file: path.join(userData, `${STORE_OPTIONS.configName}.json`),
    moveAside: (from, to) => renameSync(from, to),
    now: Date.now(),
    warn: (message, fields) => logger.warn(message, fields),
  });
  // electron-store answers a synchronous IPC message with the userData path for renderer-side stores.
  // We have none, and no page should learn local paths: take that listener away again.
  ipcMain.removeAllListeners('electron-store-get-data');
  const migration = migrateStore(store);
  if (migration.kind !== 'current') logger.info('settings file layout', { ...migration });
  return { store, problem };
}

export function createSecretStore(store: KeyValueStore, platform: NodeJS.Platform, logger: Logger): SafeStorageSecretStore {
  return new SafeStorageSecretStore({ cipher: safeStorageCipher(platform), records: new StoreKeyRecords(store), logger });
}
