import { existsSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { TRAY_STATE_KINDS, trayIconDirectory, trayIconFor } from '../../../src-main/electron/trayIcon.ts';

const assets = path.resolve(import.meta.dirname, '../../../assets/tray');

describe('trayIconFor', () => {
  it('uses template images on macOS, .ico on Windows, coloured PNG on Linux', () => {
    expect(trayIconFor('needs-you', 'darwin')).toEqual({ file: 'tray-needs-youTemplate.png', template: true });
    expect(trayIconFor('needs-you', 'win32')).toEqual({ file: 'tray-needs-you.ico', template: false });
    expect(trayIconFor('needs-you', 'linux')).toEqual({ file: 'tray-needs-you.png', template: false });
  });

  it('has a committed file for every state on every platform, with @2x where the OS looks for it', () => {
    for (const kind of TRAY_STATE_KINDS) {
      for (const platform of ['darwin', 'win32', 'linux'] as const) {
        const { file } = trayIconFor(kind, platform);
        expect(existsSync(path.join(assets, file)), file).toBe(true);
        if (file.endsWith('.png')) expect(existsSync(path.join(assets, file.replace('.png', '@2x.png'))), file).toBe(true);
      }
    }
  });

  it('gives every state its own icon', () => {
    for (const platform of ['darwin', 'win32', 'linux'] as const) {
      expect(new Set(TRAY_STATE_KINDS.map((k) => trayIconFor(k, platform).file)).size).toBe(TRAY_STATE_KINDS.length);
    }
  });
});

describe('trayIconDirectory', () => {
  it('reads from resources/tray when packaged and from the repository otherwise', () => {
    expect(trayIconDirectory({ isPackaged: true, resourcesPath: '/opt/Chamelio Tray/resources', appPath: '/x' })).toBe(
      path.join('/opt/Chamelio Tray/resources', 'tray'),
    );
    expect(trayIconDirectory({ isPackaged: false, resourcesPath: '/r', appPath: '/src/app' })).toBe(path.join('/src/app', 'assets', 'tray'));
  });
});
