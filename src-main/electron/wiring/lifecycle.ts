/**
 * The app's life outside `ready`: what happens on a second launch, on macOS re-activation, when the
 * last window closes, and on quit (the engine flushes its last write first); failures that would
 * otherwise show Electron's crash dialog or vanish are logged, and a start that cannot go on says
 * so in a dialog before the app exits.
 */
import { app, dialog, globalShortcut } from 'electron';
import type { AppService } from '../../core/app/AppService.ts';
import type { Logger } from '../../core/app/ports.ts';
import { PRODUCT_NAME } from '../appIdentity.ts';
import { errorText } from '../background.ts';
import type { DemoRunner } from '../demo.ts';
import type { PopoverWindow } from '../popoverWindow.ts';
import type { OnlineWatcher } from '../systemState.ts';
import type { TrayController } from '../trayController.ts';
import type { UpdateWatcher } from '../updates.ts';

/** What exists so far; filled in as startup creates it, so events during startup find what is there. */
export interface Running {
  popover: PopoverWindow | null;
  engine: AppService | null;
  online: OnlineWatcher | null;
  tray: TrayController | null;
  updates: UpdateWatcher | null;
  demo: DemoRunner;
}

export function wireAppLifecycle(running: Running, logger: Logger): void {
  let stopping = false;
  app.on('second-instance', () => running.popover?.show());
  // macOS: opening the app again from Finder or Spotlight.
  app.on('activate', () => running.popover?.show());
  // A tray app keeps running with no window open.
  app.on('window-all-closed', () => undefined);
  app.on('before-quit', (event) => {
    running.popover?.prepareToQuit();
    const engine = running.engine;
    if (stopping || !engine) return;
    // Let the engine flush its last write before the process ends.
    event.preventDefault();
    stopping = true;
    running.online?.stop();
    running.updates?.stop();
    globalShortcut.unregisterAll();
    void Promise.allSettled([engine.stop(), running.demo.stop()]).then((results) => {
      for (const result of results) if (result.status === 'rejected') logger.error('stopping failed', { error: errorText(result.reason) });
      running.tray?.destroy();
      app.quit();
    });
  });
}

/**
 * With a listener, Node neither crashes nor (in Electron) shows its "A JavaScript error occurred in
 * the main process" dialog: the tray app keeps running, and the log says what went wrong.
 */
export function logProcessFailures(logger: Logger): void {
  process.on('unhandledRejection', (reason) => logger.error('unhandled rejection', { error: errorText(reason) }));
  process.on('uncaughtException', (error) => logger.error('uncaught exception', { error: errorText(error) }));
}

/**
 * A dialog, then exit. Only after `ready`: electron.d.ts, dialog.showErrorBox: "If called before the
 * app `ready` event on Linux, the message will be emitted to stderr, and no GUI dialog will appear",
 * and an app started at login would vanish unseen.
 */
export function failToStart(message: string, logger: Logger): void {
  logger.error('cannot start', { reason: message });
  app
    .whenReady()
    .then(() => dialog.showErrorBox(`${PRODUCT_NAME} cannot start`, message))
    .catch((error: unknown) => logger.error('the start-up dialog failed', { error: errorText(error) }))
    .finally(() => app.exit(1));
}

export function startupFailureMessage(error: unknown, logFolder: string | null): string {
  const lines = [`${PRODUCT_NAME} stopped while starting: ${errorText(error)}`];
  if (logFolder !== null) lines.push(`Details are in the log file in ${logFolder}.`);
  return lines.join('\n\n');
}
