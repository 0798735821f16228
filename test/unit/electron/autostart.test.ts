import { existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import {
  AUTOSTART_FILE_NAME,
  autostartDesktopEntry,
  autostartExecPath,
  autostartFilePath,
  loginItemPlan,
  quoteExecArgument,
  removeAutostartEntry,
  writeAutostartEntry,
} from '../../../src-main/electron/autostart.ts';

describe('loginItemPlan', () => {
  it('uses login items on macOS and Windows, XDG autostart on Linux, nothing unpackaged', () => {
    expect(loginItemPlan({ platform: 'darwin', isPackaged: true, enabled: true })).toEqual({ kind: 'login-item', openAtLogin: true });
    expect(loginItemPlan({ platform: 'win32', isPackaged: true, enabled: false })).toEqual({ kind: 'login-item', openAtLogin: false });
    expect(loginItemPlan({ platform: 'linux', isPackaged: true, enabled: true })).toEqual({ kind: 'xdg-autostart', enabled: true });
    expect(loginItemPlan({ platform: 'linux', isPackaged: false, enabled: true }).kind).toBe('skip');
    expect(loginItemPlan({ platform: 'freebsd', isPackaged: true, enabled: true }).kind).toBe('skip');
  });
});

describe('autostartDesktopEntry', () => {
  it('is a valid desktop entry that launches the app', () => {
    const entry = autostartDesktopEntry('/opt/chamelio-tray/chamelio-tray');
    const lines = entry.trimEnd().split('\n');
    expect(lines[0]).toBe('[Desktop Entry]');
    expect(lines).toContain('Type=Application');
    expect(lines).toContain('Name=Chamelio Tray');
    expect(lines).toContain('Exec=/opt/chamelio-tray/chamelio-tray');
    expect(lines).toContain('X-GNOME-Autostart-enabled=true');
    expect(entry.endsWith('\n')).toBe(true);
  });

  it('quotes paths with spaces and reserved characters as the spec asks', () => {
    expect(quoteExecArgument('/opt/Chamelio Tray/chamelio-tray')).toBe('"/opt/Chamelio Tray/chamelio-tray"');
    expect(quoteExecArgument('/home/a$b/x')).toBe('"/home/a\\$b/x"');
    expect(quoteExecArgument('/p/100%/x')).toBe('/p/100%%/x');
    expect(autostartDesktopEntry('/a "b"/c')).toContain('Exec="/a \\\\"b\\\\"/c"');
  });

  it('cannot be broken out of with a newline in the path', () => {
    const entry = autostartDesktopEntry('/tmp/x\nExec=/bin/evil');
    expect(entry.split('\n').filter((l) => l.startsWith('Exec='))).toHaveLength(1);
  });
});

describe('autostartExecPath and file', () => {
  it('starts the AppImage, not its temporary mount', () => {
    expect(autostartExecPath('/tmp/.mount_abc/chamelio-tray', { APPIMAGE: '/home/u/Apps/Chamelio.AppImage' })).toBe('/home/u/Apps/Chamelio.AppImage');
    expect(autostartExecPath('/opt/chamelio-tray/chamelio-tray', {})).toBe('/opt/chamelio-tray/chamelio-tray');
  });

  it('goes to $XDG_CONFIG_HOME/autostart, or ~/.config/autostart', () => {
    expect(autostartFilePath({ XDG_CONFIG_HOME: '/cfg' }, '/home/u')).toBe(`/cfg/autostart/${AUTOSTART_FILE_NAME}`);
    expect(autostartFilePath({}, '/home/u')).toBe(`/home/u/.config/autostart/${AUTOSTART_FILE_NAME}`);
    expect(autostartFilePath({ XDG_CONFIG_HOME: 'relative' }, '/home/u')).toBe(`/home/u/.config/autostart/${AUTOSTART_FILE_NAME}`);
  });

  let dir: string | null = null;
  afterEach(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('writes and removes the entry', async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'autostart-'));
    const file = autostartFilePath({ XDG_CONFIG_HOME: dir }, '/nowhere');
    await writeAutostartEntry(file, '/opt/chamelio-tray/chamelio-tray');
    expect(readFileSync(file, 'utf8')).toBe(autostartDesktopEntry('/opt/chamelio-tray/chamelio-tray'));
    expect(statSync(file).mode & 0o777).toBe(0o644);
    await removeAutostartEntry(file);
    expect(existsSync(file)).toBe(false);
    await removeAutostartEntry(file); // already gone: fine
  });
});
