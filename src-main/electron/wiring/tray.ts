/** The tray icon and its menu's actions: each one shows the popover, asks the engine, or quits. */
import { release } from 'node:os';
import { app, clipboard, shell } from 'electron';
import type { AppService } from '../../core/app/AppService.ts';
import type { PopoverFocus } from '../../contract/bridge.ts';
import type { Logger } from '../../core/app/ports.ts';
import { inBackground } from '../background.ts';
import { MAX_CLIPBOARD_SCAN } from '../commandHandlers.ts';
import { diagnosticsText } from '../diagnostics.ts';
import type { PopoverWindow } from '../popoverWindow.ts';
import { updateStatusText, type UpdateWatcher } from '../updates.ts';
import { TrayController } from '../trayController.ts';
import { trayIconDirectory } from '../trayIcon.ts';
import type { TrayMenuActions } from '../trayMenu.ts';

interface TrayWiring {
  platform: NodeJS.Platform;
  popover: PopoverWindow;
  /** The engine is made after the tray (it renders into it): null until then. */
  engine: () => AppService | null;
  openLink: (url: string) => void;
  logFolder: string;
  updates: UpdateWatcher;
  logger: Logger;
}

function copyDiagnostics(engine: AppService, deps: TrayWiring): void {
  clipboard.writeText(
    diagnosticsText({
      appVersion: app.getVersion(),
      electronVersion: process.versions.electron ?? 'unknown',
      os: { platform: deps.platform, release: release(), arch: process.arch },
      session: process.env['XDG_SESSION_TYPE'] ?? null,
      packaged: app.isPackaged,
      snapshot: engine.getState(),
      update: updateStatusText(deps.updates.status()),
    }),
  );
}

function showTask(popover: PopoverWindow, taskId: number | null, focus?: PopoverFocus): void {
  if (taskId === null) popover.show({ view: 'list' });
  else popover.show(focus ? { view: 'task', taskId, focus } : { view: 'task', taskId });
}

async function pinFromClipboard(engine: AppService, popover: PopoverWindow, logger: Logger): Promise<void> {
  const text = await clipboard.readText();
  const result = await engine.pin(text.slice(0, MAX_CLIPBOARD_SCAN));
  logger.info('pinned from the clipboard', { pinned: result.pinned.length, rejected: result.rejected.length });
  showTask(popover, result.pinned.length === 1 ? (result.pinned[0] ?? null) : null);
}

function trayMenuActions(deps: TrayWiring): TrayMenuActions {
  const { popover, engine, logger } = deps;
  const withEngine = (what: string, work: (engine: AppService) => Promise<unknown>): void => {
    const running = engine();
    if (running) inBackground(what, work(running), logger);
  };
  return {
    focusTask: (taskId, focus) => showTask(popover, taskId, focus),
    pinFromClipboard: () => withEngine('pin from clipboard', (e) => pinFromClipboard(e, popover, logger)),
    refresh: () => withEngine('refresh', (e) => e.refresh()),
    pauseNotifications: (until) => withEngine('pausing notifications', (e) => e.pauseNotifications(until)),
    openChamelio: () => {
      const running = engine();
      if (running) deps.openLink(running.chamelioHomeUrl());
    },
    openSettings: () => popover.show({ view: 'settings' }),
    openLogFolder: () =>
      inBackground('opening the log folder', shell.openPath(deps.logFolder).then((problem) => {
        if (problem !== '') logger.warn('the log folder did not open', { problem });
      }), logger),
    copyDiagnostics: () => {
      const running = engine();
      if (running) copyDiagnostics(running, deps);
    },
    restartToUpdate: () => deps.updates.restartToUpdate(),
    quit: () => app.quit(),
  };
}

export function createTray(deps: TrayWiring): TrayController {
  return new TrayController({
    iconDir: trayIconDirectory({ isPackaged: app.isPackaged, resourcesPath: process.resourcesPath, appPath: app.getAppPath() }),
    platform: deps.platform,
    actions: trayMenuActions(deps),
    now: () => Date.now(),
    onClick: () => deps.popover.toggle(),
    updateReady: () => deps.updates.status().ready !== null,
    logger: deps.logger,
  });
}
