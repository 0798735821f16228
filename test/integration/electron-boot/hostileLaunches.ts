/** Launches that go wrong or differ: --no-sandbox, a second instance, what real Electron does that a kind stand-in would not, no keyring. */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { callsTo, firstIndex, logged, mac, noKeyring, outDir, primary, resources, root, secondInstance, unpackaged, unsandboxed, wayland, windows, xwayland, xwaylandResources } from '../support/boots.ts';

export function describeHostileLaunches(): void {
  describe('the installed app started with --no-sandbox', () => {
    it('says why in a dialog once the app is ready (before it, Linux shows none), then exits, doing nothing else', () => {
      expect(unsandboxed.errors).toEqual([]);
      const apis = unsandboxed.calls.map((c) => c.api);
      // (The log folder is asked for first: the refusal is logged too.)
      expect(apis).toEqual(['app.getPath', 'app.whenReady', '(ready)', 'dialog.showErrorBox', 'app.exit']);
      expect(callsTo(unsandboxed, 'dialog.showErrorBox')[0]!.afterReady).toBe(true);
      expect(callsTo(unsandboxed, 'app.exit')[0]!.args).toEqual([1]);
      expect(String(callsTo(unsandboxed, 'dialog.showErrorBox')[0]!.args[1])).toMatch(/\.deb/);
    });

    it('while an unpackaged run may use --no-sandbox (development containers)', () => {
      expect(unpackaged.errors).toEqual([]);
      expect(callsTo(unpackaged, 'dialog.showErrorBox')).toEqual([]);
      expect(callsTo(unpackaged, 'app.enableSandbox').length).toBe(1);
    });
  });

  describe('a second instance', () => {
    it('asks for the lock, quits, and creates nothing', () => {
      const apis = secondInstance.calls.map((c) => c.api);
      expect(apis).toContain('app.requestSingleInstanceLock');
      expect(apis).toContain('app.quit');
      expect(apis).not.toContain('app.whenReady');
      expect(apis).not.toContain('new Tray');
      expect(apis).not.toContain('new BrowserWindow');
    });
  });

  describe('what real Electron does that a kind stand-in would not', () => {
    it('a failing preload and a page that fails to load each leave one line in the log, with what Electron gives', () => {
      const preload = logged(primary, /the popover preload failed/);
      expect(preload).toHaveLength(1);
      expect(preload[0]).toContain('[error]');
      expect(preload[0]).toContain(path.join(outDir, 'preload/index.cjs'));
      expect(preload[0]).toContain("Cannot find module './bridge'");
      // Three crash reloads, each failing to load.
      const failed = logged(primary, /the popover page failed to load/);
      expect(failed).toHaveLength(3);
      expect(failed[0]).toMatch(/\[warn\].*errorCode: -6,.*errorDescription: 'ERR_FILE_NOT_FOUND'.*validatedURL: 'app:\/\/tray\/index\.html'/s);
    });

    it('a shortcut another app holds (register returns false, no throw) is logged once and the app goes on', () => {
      expect(wayland.errors).toEqual([]);
      expect(wayland['shortcuts']).toEqual([]);
      expect(logged(wayland, /the global shortcut could not be registered/)).toHaveLength(1);
      expect(wayland['setApiKey']).toMatchObject({ ok: true });
      expect(wayland['quit']).toMatchObject({ quitEmitted: true });
    });

    it('a packaged app finds its tray icons in <resources>/tray as electron-builder.yml puts them there', () => {
      for (const report of [primary, windows, mac]) {
        const image = (report['tray'] as { image: { path: string; empty: boolean } }).image;
        expect(image.path.startsWith(path.join(resources, 'tray') + path.sep)).toBe(true);
        expect(image.empty).toBe(false);
      }
      // Unpackaged: straight from the repository.
      expect((unpackaged['tray'] as { image: { path: string } }).image.path).toBe(path.join(root, 'assets/tray/tray-idle.png'));
    });

    it('with the tray icons missing (nativeImage gives an empty image, never a throw), the app boots and says so in the log', () => {
      expect(xwayland.errors).toEqual([]);
      expect((xwayland['tray'] as { image: { empty: boolean } }).image.empty).toBe(true);
      // Each file named once, though the tray asks for the idle one (the fallback) again and again.
      const missing = logged(xwayland, /a tray icon file is missing or unreadable/).map((entry) => /file: '([^']+)'/.exec(entry)?.[1]);
      expect(missing.length).toBe(new Set(missing).size);
      expect(missing).toContain(path.join(xwaylandResources, 'tray/tray-idle.png'));
      expect(xwayland['quit']).toMatchObject({ quitEmitted: true });
    });
  });

  describe('booting on Linux without a keyring (safeStorage backend basic_text)', () => {
    it('boots, keeps the key in memory only without the user’s opt-in, and tells the user', () => {
      expect(noKeyring.errors).toEqual([]);
      expect(noKeyring['setApiKey']).toMatchObject({ ok: true, value: { ok: true, protection: 'session' } });
      expect(noKeyring['store']).toMatchObject({ containsPlainKey: false, apiKeyRecord: null });
      expect(noKeyring['keyState']).toMatchObject({ isSet: true, protection: 'session', canOptInToWeak: true, advice: expect.stringMatching(/No system keyring was found/) });
      // Nothing encrypted until the opt-in below (encryptString would throw: encryption is not available).
      expect(firstIndex(noKeyring, 'safeStorage.encryptString')).toBeGreaterThan(firstIndex(noKeyring, 'safeStorage.setUsePlainTextEncryption'));
    });

    it('stores it with weak protection only once the user opts in (setUsePlainTextEncryption first)', () => {
      expect(noKeyring['setApiKeyWeak']).toMatchObject({ ok: true, value: { ok: true, protection: 'weak' } });
      expect(noKeyring['storeAfterOptIn']).toEqual({ containsPlainKey: false, apiKeyRecord: { v: 1, cipher: '[present]', protection: 'weak' } });
      expect(firstIndex(noKeyring, 'safeStorage.setUsePlainTextEncryption')).toBeLessThan(firstIndex(noKeyring, 'safeStorage.encryptString'));
      expect(noKeyring['logFile']).toMatchObject({ exists: true, containsKey: false });
    });
  });
}
