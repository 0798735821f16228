/**
 * electron-builder validates its whole configuration at packaging time, which needs the Electron
 * binary and the network. The same JSON schema it uses (app-builder-lib/scheme.json) is checked
 * here offline, plus the settings this app's security and tray behaviour depend on.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { Ajv } from 'ajv';
import { describe, expect, it } from 'vitest';
import { APP_SCHEME } from '../../src-main/electron/appProtocol.ts';
import { TRAY_STATE_KINDS, trayIconFor } from '../../src-main/electron/trayIcon.ts';

const root = path.resolve(import.meta.dirname, '../..');
const require = createRequire(import.meta.url);
// js-yaml ships with electron-builder (app-builder-lib depends on it); no new dependency.
const yaml = require('js-yaml') as { load(text: string): unknown };
const schema = JSON.parse(readFileSync(path.join(root, 'node_modules/app-builder-lib/scheme.json'), 'utf8')) as object;
const config = yaml.load(readFileSync(path.join(root, 'electron-builder.yml'), 'utf8')) as Record<string, unknown>;
const packageJson = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as Record<string, unknown>;

// strict: false because the schema uses keywords ajv does not know (it was generated for TypeScript).
const check = new Ajv({ allErrors: true, strict: false }).compile(schema);

function validate(candidate: unknown): string[] {
  return check(candidate) ? [] : (check.errors ?? []).map((e) => `${e.instancePath} ${e.message}`);
}

describe('electron-builder.yml', () => {
  it('is valid against electron-builder’s own schema', () => {
    expect(validate(config)).toEqual([]);
  });

  it('the schema check is real: a misplaced key is refused', () => {
    expect(validate({ ...config, linux: { ...(config['linux'] as object), depends: ['x'] } })).not.toEqual([]);
    expect(validate({ ...config, electronFuses: { runAsNode: 'no' } })).not.toEqual([]);
  });

  it('has the app id main.ts gives Windows, and the product name', () => {
    const mainSource = readFileSync(path.join(root, 'src-main/electron/appIdentity.ts'), 'utf8');
    expect(config['appId']).toBe('com.chamelio.tray');
    expect(mainSource).toContain(`export const APP_ID = '${String(config['appId'])}'`);
    expect(config['productName']).toBe('Chamelio Tray');
    expect(config['productName']).toBe(packageJson['productName']);
  });

  it('names the Linux desktop entry after the app id (reverse-DNS, as GNOME and the portal want)', () => {
    expect(packageJson['desktopName']).toBe(`${String(config['appId'])}.desktop`);
    expect((config['linux'] as Record<string, unknown>)['syncDesktopName']).toBe(true);
    const autostart = readFileSync(path.join(root, 'src-main/electron/autostart.ts'), 'utf8');
    expect(autostart).toContain(String(packageJson['desktopName']));
  });

  it('packages the built app in an asar and names one update feed that only gets read', () => {
    expect(config['files']).toEqual(expect.arrayContaining(['out/**/*', 'package.json']));
    expect(config['asar']).toBe(true);
    expect(config['publish']).toEqual({ provider: 'generic', url: expect.stringMatching(/^https:\/\//) });
    expect(packageJson['main']).toBe('out/main/index.js');
  });

  it('sets every security fuse', () => {
    expect(config['electronFuses']).toEqual({
      runAsNode: false,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      onlyLoadAppFromAsar: true,
      enableEmbeddedAsarIntegrityValidation: true,
      grantFileProtocolExtraPrivileges: false,
      enableCookieEncryption: true,
    });
    // grantFileProtocolExtraPrivileges can be off only because the UI is served from our own scheme.
    expect(APP_SCHEME).toBe('app');
  });

  it('macOS: dmg + zip, no Dock icon, and the tray icons as real files', () => {
    const mac = config['mac'] as Record<string, unknown>;
    expect(mac['target']).toEqual([
      { target: 'dmg', arch: ['universal'] },
      { target: 'zip', arch: ['universal'] },
    ]);
    expect((mac['extendInfo'] as Record<string, unknown>)['LSUIElement']).toBe(true);
    const extra = config['extraResources'] as { from: string; to: string }[];
    expect(extra).toEqual([expect.objectContaining({ from: 'assets/tray', to: 'tray' })]);
    for (const kind of TRAY_STATE_KINDS) {
      for (const platform of ['darwin', 'win32', 'linux'] as const) {
        const file = path.join(root, extra[0]!.from, trayIconFor(kind, platform).file);
        expect(readFileSync(file).length, file).toBeGreaterThan(0);
      }
    }
  });

  it('Windows: an NSIS installer with a Start-menu shortcut (notifications need it)', () => {
    expect((config['win'] as Record<string, unknown>)['target']).toEqual(['nsis']);
    expect((config['nsis'] as Record<string, unknown>)['createStartMenuShortcut']).toBe(true);
  });

  it('Linux: AppImage + deb, with explicit dependencies and no libappindicator', () => {
    expect((config['linux'] as Record<string, unknown>)['target']).toEqual(['AppImage', 'deb']);
    const deb = config['deb'] as { depends: string[]; recommends: string[] };
    expect(deb.depends.length).toBeGreaterThan(5);
    expect(deb.depends.join(' ')).toMatch(/libnotify4/);
    expect(deb.depends.join(' ')).toMatch(/libsecret-1-0/);
    expect(JSON.stringify(deb)).not.toMatch(/appindicator/i);
    expect(deb.recommends).toEqual([]);
  });

  it('points at icons that exist', () => {
    for (const key of ['mac', 'win', 'linux']) {
      const icon = (config[key] as Record<string, string>)['icon'] as string;
      expect(readFileSync(path.join(root, icon)).length, icon).toBeGreaterThan(0);
    }
  });
});
