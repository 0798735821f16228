/** The engine (core/app/AppService) on Electron's adapters: net.fetch, the store, the key store. */
import { net } from 'electron';
import { AppService } from '../../core/app/AppService.ts';
import type { Logger, Notifier, SecretStore, TrayView } from '../../core/app/ports.ts';
import { electronFetch } from '../netFetch.ts';
import { realClock } from '../../core/app/realClock.ts';
import { ElectronStorePersistence, type KeyValueStore } from '../settingsStore.ts';

export function createEngine(deps: {
  store: KeyValueStore;
  /** What was wrong with the store's file at start, for the snapshot's storageProblem. */
  storeProblem: string | null;
  secrets: SecretStore;
  notifier: Notifier;
  tray: TrayView;
  logger: Logger;
}): AppService {
  return new AppService({
    clock: realClock,
    fetch: electronFetch((url, init) => net.fetch(url, init)),
    // Native compare of a repeated answer, as node/nativeSameBytes.ts (which this room may not import).
    sameBytes: (a, b) => Buffer.from(a.buffer, a.byteOffset, a.byteLength).equals(b),
    persistence: new ElectronStorePersistence(deps.store, { problem: deps.storeProblem }),
    secrets: deps.secrets,
    notifier: deps.notifier,
    tray: deps.tray,
    logger: deps.logger,
  });
}
