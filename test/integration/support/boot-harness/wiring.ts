/** What main set up at launch: the window, the IPC handlers and listeners, the tray, the menus, the shortcut, the permission handlers. */
import type { BootContext } from './context.ts';

export async function reportWiring(c: BootContext): Promise<void> {
  const { s, report, win, tray, trayMenuNow } = c;
  // No key and no pins: a first launch shows the popover by itself; hide it for the checks below.
  report['shownOnFirstLaunch'] = win?.isVisible() ?? null;
  win?.hide();
  report['windows'] = s.BrowserWindow.all.map((w) => ({ options: s.summarize(w.options), loadedUrl: w.loadedUrl }));
  report['handledChannels'] = [...s.ipcMain.handlers.keys()];
  report['ipcMainOnListeners'] = s.ipcMain.eventNames().map(String);
  report['powerMonitorEvents'] = s.powerMonitor.eventNames().map(String);
  report['fetchesBeforeKey'] = [...s.fetches];
  report['shortcuts'] = [...s.registeredShortcuts.keys()];
  report['applicationMenu'] = s.menus.application ? s.summarize(s.menus.application.template) : null;
  report['permissionRequestHandlerSet'] = s.permissionHandlers.request !== null;
  report['nativeTheme'] = [...s.nativeTheme.sources];

  report['tray'] = tray
    ? {
        count: s.Tray.all.length,
        image: s.summarize(tray.image),
        tooltip: tray.tooltip,
        menu: s.summarize(trayMenuNow()),
        contextMenuSets: tray.contextMenuSets,
        poppedUp: tray.poppedUp !== null,
        listeners: tray.eventNames().map(String),
      }
    : null;
}
