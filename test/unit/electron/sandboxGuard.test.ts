import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { unsandboxedStartRefusal } from '../../../src-main/electron/sandboxGuard.ts';

const root = path.resolve(import.meta.dirname, '../../..');
// js-yaml ships with electron-builder (as in electron-builder-config.test.ts).
const yaml = createRequire(import.meta.url)('js-yaml') as { load(text: string): unknown };

describe('unsandboxedStartRefusal', () => {
  it('lets the app start with the sandbox, packaged or not', () => {
    expect(unsandboxedStartRefusal({ isPackaged: true, noSandbox: false, fromAppImage: true })).toBeNull();
    expect(unsandboxedStartRefusal({ isPackaged: false, noSandbox: false, fromAppImage: false })).toBeNull();
  });

  it('leaves unpackaged runs alone (a development container may need --no-sandbox)', () => {
    expect(unsandboxedStartRefusal({ isPackaged: false, noSandbox: true, fromAppImage: false })).toBeNull();
  });

  it('refuses an installed app started with --no-sandbox, pointing AppImage users to the deb', () => {
    const fromAppImage = unsandboxedStartRefusal({ isPackaged: true, noSandbox: true, fromAppImage: true });
    expect(fromAppImage).toMatch(/--no-sandbox/);
    expect(fromAppImage).toMatch(/Ubuntu 24\.04/);
    expect(fromAppImage).toMatch(/\.deb/);
    expect(fromAppImage).toMatch(/AppArmor/);
    const otherwise = unsandboxedStartRefusal({ isPackaged: true, noSandbox: true, fromAppImage: false });
    expect(otherwise).toMatch(/Start it without --no-sandbox/);
    expect(otherwise).not.toMatch(/AppImage/);
  });
});

describe('electron-builder.yml ships no --no-sandbox', () => {
  const text = readFileSync(path.join(root, 'electron-builder.yml'), 'utf8');
  const config = yaml.load(text) as Record<string, Record<string, unknown>>;

  it('nowhere in the configuration', () => {
    expect(JSON.stringify(config)).not.toContain('no-sandbox');
  });

  it('sets the AppImage executableArgs, so electron-builder writes no `AppRun --no-sandbox` into its .desktop file', () => {
    expect(config['appImage']?.['executableArgs']).toEqual([]);
  });
});
