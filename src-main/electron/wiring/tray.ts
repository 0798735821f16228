/** The tray icon and its menu's actions: each one shows the popover, asks the engine, or quits. */
import { app, clipboard } from 'electron';
import type { AppService } from '../../core/app/AppService.ts';
import type { Logger } from '../../core/app/ports.ts';
import { inBackground } from '../background.ts';
import { MAX_CLIPBOARD_SCAN } from '../commandHandlers.ts';
import type { PopoverWindow } from '../popoverWindow.ts';
import { TrayController } from '../trayController.ts';
import { trayIconDirectory } from '../trayIcon.ts';
import type { TrayMenuActions } from '../trayMenu.ts';

export interface TrayWiring {
  platform: NodeJS.Platform;
  popover: PopoverWindow;
  /** The engine is made after the tray (it renders into it): null until then. */
  engine: () => AppService | null;
  openLink: (url: string) => void;
  logger: Logger;
}

export function showTask(popover: PopoverWindow, taskId: number | null): void {
  popover.show(taskId === null ? { view: 'list' } : { view: 'task', taskId });
}

async function pinFromClipboard(engine: AppService, popover: PopoverWindow, logger: Logger): Promise<void> {
  const text = await clipboard.readText();
  const result = await engine.pin(text.slice(0, MAX_CLIPBOARD_SCAN));
  logger.info('pinned from the clipboard', { pinned: result.pinned.length, rejected: result.rejected.length });
  showTask(popover, result.pinned.length === 1 ? (result.pinned[0] ?? null) : null);
}

export function trayMenuActions(deps: TrayWiring): TrayMenuActions {
  const { popover, engine, logger } = deps;
  const withEngine = (what: string, work: (engine: AppService) => Promise<unknown>): void => {
    const running = engine();
    if (running) inBackground(what, work(running), logger);
  };
  return {
    focusTask: (taskId) => showTask(popover, taskId),
    pinFromClipboard: () => withEngine('pin from clipboard', (e) => pinFromClipboard(e, popover, logger)),
    refresh: () => withEngine('refresh', (e) => e.refresh()),
    pauseNotifications: (until) => withEngine('pausing notifications', (e) => e.pauseNotifications(until)),
    openChamelio: () => {
      const running = engine();
      if (running) deps.openLink(running.chamelioHomeUrl());
    },
    openSettings: () => popover.show({ view: 'settings' }),
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
  });
}
