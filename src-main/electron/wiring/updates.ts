/** electron-updater, loaded only where updates are on (it needs a packaged app and a feed). */
import { app } from 'electron';
import { realClock } from '../../core/app/realClock.ts';
import type { Logger } from '../../core/app/ports.ts';
import type { BuildInfo } from '../../core/app/AppSnapshot.ts';
import { buildInfo, updatePlan, UpdateWatcher, type UpdaterLike } from '../updates.ts';

async function loadUpdater(): Promise<UpdaterLike> {
  // CommonJS: its module.exports is the default export in an ES module.
  const updater = await import('electron-updater');
  return updater.default.autoUpdater;
}

export function createUpdates(platform: NodeJS.Platform, logger: Logger, onChange: () => void): UpdateWatcher {
  const plan = updatePlan({ isPackaged: app.isPackaged, platform, fromAppImage: process.env['APPIMAGE'] !== undefined });
  return new UpdateWatcher({ load: loadUpdater, plan, clock: realClock, logger, onChange });
}

/** This build's version and its update checks, for Settings' quiet line. */
export function buildInfoNow(updates: UpdateWatcher): BuildInfo {
  return buildInfo(app.getVersion(), updates.status());
}
