import { describe, expect, it } from 'vitest';
import { applicationMenuTemplate } from '../../../src-main/electron/appMenu.ts';
import { POPOVER_SIZE, popoverWindowOptions, SECURE_WEB_PREFERENCES } from '../../../src-main/electron/windowOptions.ts';

describe('popoverWindowOptions', () => {
  it('is a hidden, frameless, fixed-size popover outside the taskbar', () => {
    const options = popoverWindowOptions({ preloadPath: '/app/out/preload/index.cjs', isPackaged: true });
    expect(POPOVER_SIZE).toEqual({ width: 380, height: 560 });
    expect(options).toMatchObject({ width: 380, height: 560, show: false, frame: false, resizable: false, skipTaskbar: true });
  });

  it('locks the renderer down and loads the CommonJS preload', () => {
    const prefs = popoverWindowOptions({ preloadPath: '/app/out/preload/index.cjs', isPackaged: true }).webPreferences;
    expect(prefs).toEqual({ ...SECURE_WEB_PREFERENCES, preload: '/app/out/preload/index.cjs', devTools: false });
    expect(prefs).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      webviewTag: false,
      spellcheck: false,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      disableBlinkFeatures: 'Auxclick',
    });
    expect(prefs).not.toHaveProperty('enableBlinkFeatures');
    expect(prefs?.preload?.endsWith('.cjs')).toBe(true);
  });

  it('allows DevTools only in unpackaged builds', () => {
    expect(popoverWindowOptions({ preloadPath: 'p.cjs', isPackaged: false }).webPreferences?.devTools).toBe(true);
  });
});

describe('applicationMenuTemplate', () => {
  it('has an Edit menu with the clipboard roles on every platform', () => {
    for (const platform of ['darwin', 'win32', 'linux'] as const) {
      const edit = applicationMenuTemplate(platform).find((m) => m.label === 'Edit');
      const roles = (edit?.submenu as { role?: string }[]).map((i) => i.role).filter(Boolean);
      expect(roles, platform).toEqual(expect.arrayContaining(['undo', 'redo', 'cut', 'copy', 'paste', 'selectAll']));
    }
  });

  it('adds the app menu (with Quit, Cmd+Q) on macOS only', () => {
    expect(applicationMenuTemplate('darwin').map((m) => m.label)).toEqual(['Chamelio Tray', 'Edit', 'Window']);
    expect(applicationMenuTemplate('linux').map((m) => m.label)).toEqual(['Edit', 'Window']);
    const appItems = applicationMenuTemplate('darwin')[0]?.submenu as { role?: string }[];
    expect(appItems.map((i) => i.role)).toContain('quit');
  });

  it('gives Cmd+W / Ctrl+W to the popover: a close role, which only hides it', () => {
    for (const platform of ['darwin', 'win32', 'linux'] as const) {
      const window = applicationMenuTemplate(platform).find((m) => m.label === 'Window');
      expect((window?.submenu as { role?: string }[]).map((i) => i.role), platform).toEqual(['close']);
    }
  });
});
