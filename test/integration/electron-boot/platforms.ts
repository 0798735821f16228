/** Each platform and session: Windows, macOS, Linux, an unpackaged run, Wayland and XWayland. */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { callsTo, mac, primary, type Report, resources, unpackaged, wayland, windows, xwayland } from '../support/boots.ts';

/** What every full boot gets through: no errors, a key kept in the OS keychain, the tray menu, a real quit. */
function expectTheSameWalkThrough(report: Report): void {
  expect(report.errors).toEqual([]);
  expect(report['setApiKey']).toMatchObject({ ok: true, value: { ok: true, protection: 'os' } });
  expect(report['traySettingsItemShows']).toEqual([{ view: 'settings' }]);
  expect(report['quit']).toMatchObject({ quitEmitted: true, windowDestroyed: true });
}

export function describePlatforms(): void {
  describe('booting on Windows (process.platform = win32)', () => {
    it('finishes without errors and walks through the same checks', () => {
      expectTheSameWalkThrough(windows);
    });

    it('sets the AppUserModelID (notifications need it) before ready, and has no Dock to hide', () => {
      const ids = callsTo(windows, 'app.setAppUserModelId');
      expect(ids.map((c) => c.args)).toEqual([['com.chamelio.tray']]);
      expect(ids[0]!.afterReady).toBe(false);
      expect(callsTo(windows, 'app.dock.hide')).toEqual([]);
    });

    it('sets the tray menu as the context menu, with the .ico icon', () => {
      const tray = windows['tray'] as { contextMenuSets: number; image: { path: string }; menu: { id?: string }[] };
      expect(tray.contextMenuSets).toBeGreaterThan(0);
      expect(tray.image.path).toBe(path.join(resources, 'tray/tray-idle.ico'));
      expect(tray.menu.map((i) => i.id)).toContain('quit');
    });

    it('opens the popover above the notification-area icon', () => {
      expect(windows['secondInstanceShowsPopover']).toMatchObject({ after: true, position: [1540, 480] });
    });
  });

  describe('booting on macOS (process.platform = darwin)', () => {
    it('finishes without errors and walks through the same checks', () => {
      expectTheSameWalkThrough(mac);
    });

    it('hides the Dock icon after ready and sets no AppUserModelID', () => {
      const hides = callsTo(mac, 'app.dock.hide');
      expect(hides.length).toBe(1);
      expect(hides[0]!.afterReady).toBe(true);
      expect(callsTo(mac, 'app.setAppUserModelId')).toEqual([]);
    });

    it('pops the tray menu up on right-click instead of setting it, so a click toggles the popover', () => {
      const tray = mac['tray'] as { contextMenuSets: number; poppedUp: boolean; listeners: string[]; menu: { id?: string }[]; image: { path: string; template: boolean } };
      expect(tray.contextMenuSets).toBe(0);
      expect(callsTo(mac, 'Tray.setContextMenu')).toEqual([]);
      expect(tray.listeners).toEqual(expect.arrayContaining(['click', 'right-click']));
      expect(tray.poppedUp).toBe(true);
      expect(tray.menu.map((i) => i.id)).toEqual(expect.arrayContaining(['refresh', 'settings', 'quit']));
      expect(callsTo(mac, 'Tray.setIgnoreDoubleClickEvents').map((c) => c.args)).toEqual([[true]]);
      expect(tray.image).toMatchObject({ path: path.join(resources, 'tray/tray-idleTemplate.png'), template: true, empty: false });
    });

    it('shows the popover on every Space and over full-screen apps', () => {
      // skipTransformProcessType: without it the call turns the agent app into a foreground one for a moment (the Dock icon flashes).
      expect(callsTo(mac, 'BrowserWindow.setVisibleOnAllWorkspaces').map((c) => c.args)).toEqual([
        [true, { visibleOnFullScreen: true, skipTransformProcessType: true }],
      ]);
    });

    it('has the app menu with Quit, and opens the popover under the menu-bar icon', () => {
      const appMenu = mac['applicationMenu'] as { label: string }[];
      expect(appMenu.map((m) => m.label)).toEqual(['Chamelio Tray', 'Edit', 'Window']);
      expect(mac['secondInstanceShowsPopover']).toMatchObject({ after: true, position: [1022, 28] });
    });
  });

  describe('booting on Linux', () => {
    it('sets no AppUserModelID and touches no Dock', () => {
      expect(callsTo(primary, 'app.setAppUserModelId')).toEqual([]);
      expect(callsTo(primary, 'app.dock.hide')).toEqual([]);
    });
  });

  describe('an unpackaged run with ELECTRON_RENDERER_URL set', () => {
    it('still loads only app://tray and trusts no dev server (there is no dev-server branch)', () => {
      expect(unpackaged.errors).toEqual([]);
      const windowsOpened = unpackaged['windows'] as { options: { webPreferences: Record<string, unknown> }; loadedUrl: string }[];
      expect(windowsOpened.map((w) => w.loadedUrl)).toEqual(['app://tray/index.html']);
      // Every load, the crash reloads included.
      expect(new Set(callsTo(unpackaged, 'BrowserWindow.loadURL').map((c) => c.args[0]))).toEqual(new Set(['app://tray/index.html']));
      const senders = unpackaged['senders'] as Record<string, { ok: boolean; error?: string }>;
      expect(senders['page']?.ok).toBe(true);
      expect(senders['devServer']).toMatchObject({ ok: false, error: expect.stringMatching(/UntrustedSenderError/) });
      // DevTools stay available while developing.
      expect(windowsOpened[0]!.options.webPreferences['devTools']).toBe(true);
    });
  });

  describe('booting in a Wayland session', () => {
    it('centres the popover, without asking for the pointer or setting a position', () => {
      expect(wayland.errors).toEqual([]);
      expect(wayland['secondInstanceShowsPopover']).toMatchObject({ after: true });
      expect(callsTo(wayland, 'BrowserWindow.center').length).toBeGreaterThan(0);
      expect(callsTo(wayland, 'screen.getCursorScreenPoint')).toEqual([]);
      expect(callsTo(wayland, 'BrowserWindow.setPosition')).toEqual([]);
    });

    it('with --ozone-platform=x11 (XWayland), places it near the pointer as on X11', () => {
      expect(xwayland.errors).toEqual([]);
      expect(callsTo(xwayland, 'BrowserWindow.center')).toEqual([]);
      expect(callsTo(xwayland, 'BrowserWindow.setPosition').length).toBeGreaterThan(0);
    });
  });
}
