/**
 * A stand-in for electron-updater, which needs a packaged app and a release feed, neither of which
 * exists here. It keeps the AppUpdater surface main uses (autoDownload, autoInstallOnAppQuit,
 * logger, the `update-downloaded` and `error` events, checkForUpdates, quitAndInstall) and records
 * the calls; the harness emits `update-downloaded` as electron-updater does once a download is done.
 */
import { EventEmitter } from 'node:events';

class StandInUpdater extends EventEmitter {
  autoDownload = false;
  autoInstallOnAppQuit = false;
  logger: unknown = null;
  readonly calls: string[] = [];
  async checkForUpdates(): Promise<null> {
    this.calls.push('checkForUpdates');
    return null;
  }
  quitAndInstall(): void {
    this.calls.push('quitAndInstall');
  }
}

export const autoUpdater = new StandInUpdater();
export default { autoUpdater };
