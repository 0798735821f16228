/** The shell around the engine: menus, the tray across polls, showing and hiding the popover, crash reloads, quitting, the log file, Troubleshooting and updates. */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { callsTo, mac, primary, resources, unpackaged, wayland, windows } from '../support/boots.ts';

export function describeShell(): void {
  describe('booting the main process', () => {
    it('sets the Edit menu, the tray menu on Linux, the shortcut and the power events', () => {
      const appMenu = primary['applicationMenu'] as { label: string; submenu: { role?: string }[] }[];
      const edit = appMenu.find((m) => m.label === 'Edit');
      expect(edit?.submenu.map((i) => i.role).filter(Boolean)).toEqual(expect.arrayContaining(['copy', 'paste', 'cut', 'selectAll']));
      const tray = primary['tray'] as { menu: { id?: string }[]; image: { path: string }; tooltip: string };
      expect(tray.menu.map((i) => i.id)).toEqual(
        expect.arrayContaining(['pin-clipboard', 'refresh', 'pause', 'open-chamelio', 'settings', 'quit']),
      );
      expect(tray.image.path).toBe(path.join(resources, 'tray/tray-idle.png'));
      expect(existsSync(tray.image.path)).toBe(true);
      expect(tray.tooltip).toMatch(/^Chamelio Tray/);
      expect(primary['shortcuts']).toEqual(['CommandOrControl+Shift+K']);
      expect([...(primary['powerMonitorEvents'] as string[])].sort()).toEqual(['lock-screen', 'resume', 'suspend', 'unlock-screen']);
    });

    it('does not rebuild or re-set the tray menu for polls that change nothing it shows', () => {
      expect(primary['trayAcrossPolls']).toEqual({ menuSetsAdded: 0, menusBuilt: 0 });
      expect(mac['trayAcrossPolls']).toEqual({ menuSetsAdded: 0, menusBuilt: 0 });
      // The time of the last check is in the tooltip only.
      const after = primary['trayAfterPolls'] as { tooltip: string; summary: string };
      expect(after.tooltip).toMatch(/ · checked /);
      expect(after.summary).toMatch(/^Chamelio Tray · \d+ pinned/);
      expect(after.summary).not.toMatch(/checked/);
    });

    it('shows the popover by itself on a first launch (no key, no pins), so the app never looks dead', () => {
      for (const report of [primary, windows, mac]) expect(report['shownOnFirstLaunch']).toBe(true);
    });

    it('shows the popover for a second launch, the tray menu and hides it on hideWindow', () => {
      expect(primary['secondInstanceShowsPopover']).toMatchObject({ before: false, after: true });
      expect(primary['traySettingsItemShows']).toEqual([{ view: 'settings' }]);
      expect(primary['hiddenAfterHideWindow']).toBe(true);
      expect(primary['openedAfterOpenTask']).toContain('https://app.chamelio.ai/workflows/tasks/42');
    });

    it('reloads a crashed page at most three times a minute, and never a destroyed window', () => {
      expect(primary['reloadsAfterFiveCrashes']).toBe(3);
      // The other boots still have their whole reload budget when the destroyed window "crashes".
      for (const report of [primary, windows, mac, wayland]) expect(report['reloadsAfterCrashOfDestroyedWindow']).toBe(0);
    });

    it('places the popover near the pointer on X11 (no tray bounds), never centred, on every workspace only on macOS', () => {
      expect(callsTo(primary, 'screen.getCursorScreenPoint').length).toBeGreaterThan(0);
      expect(callsTo(primary, 'BrowserWindow.setPosition').length).toBeGreaterThan(0);
      expect(callsTo(primary, 'BrowserWindow.center')).toEqual([]);
      expect(callsTo(primary, 'BrowserWindow.setVisibleOnAllWorkspaces')).toEqual([]);
      expect(callsTo(windows, 'BrowserWindow.setVisibleOnAllWorkspaces')).toEqual([]);
    });

    it('only hides the popover when it is closed (Alt+F4, Cmd+W)', () => {
      expect(primary['closeByUser']).toEqual({ closed: false, visible: false, destroyed: false });
    });

    it('quits for real: the popover lets itself be closed, the engine stops first, the shortcut is let go', () => {
      // The stand-in cancels the quit, as Electron does, if a window prevents its close.
      expect(primary['quit']).toEqual({ quitEmitted: true, windowDestroyed: true, trayDestroyed: true, shortcutsAfterQuit: [] });
    });
  });

  describe('the log file', () => {
    it('is written in the platform log folder through a whole session, and holds no key, not even a short one', () => {
      for (const report of [primary, windows, mac]) {
        expect(report['logFile']).toEqual({ exists: true, lines: expect.any(Number), containsKey: false, hasReady: true, hasUncaught: true });
      }
    });
  });

  describe('Troubleshooting', () => {
    it('opens the log folder and copies diagnostics without the key or a task title', () => {
      const t = primary['troubleshooting'] as { items: string[]; openedPath: string; diagnostics: string };
      expect(t.items).toEqual(['Open log folder', 'Copy diagnostics']);
      expect(t.openedPath).toMatch(/userdata-primary-.*\/logs$/);
      expect(t.diagnostics).toMatch(/^Chamelio Tray 0\.1\.0\nElectron /);
      expect(t.diagnostics).toContain('Pinned tasks: 1');
      expect(t.diagnostics).toContain('API key: set, kept in the OS keychain');
      expect(t.diagnostics).toContain('Updates: by the system package manager');
      expect(t.diagnostics).not.toContain('ca_abcdefg');
      expect(t.diagnostics).not.toContain('Vendor Contract Review');
    });
  });

  describe('updates', () => {
    it('are checked at launch on Windows and macOS, downloaded by themselves, and offered as "Restart to update"', () => {
      for (const report of [windows, mac]) {
        expect(report['updates']).toEqual({
          checked: true,
          autoDownload: true,
          offeredBefore: false,
          offeredAfter: true,
          calls: ['checkForUpdates', 'quitAndInstall'],
        });
      }
    });

    it('are never tried by the deb (the package manager updates it) or an unpackaged run', () => {
      for (const report of [primary, unpackaged]) expect(report['updates']).toMatchObject({ checked: false, calls: [] });
    });

    it('reach Settings as the version (app.getVersion()) and the time of the last check, or "off" for the deb', () => {
      for (const report of [windows, mac]) expect(report['build']).toEqual({ version: '0.1.0', updates: { kind: 'checked', at: expect.any(Number) } });
      for (const report of [primary, unpackaged]) expect(report['build']).toEqual({ version: '0.1.0', updates: { kind: 'off' } });
    });
  });
}
