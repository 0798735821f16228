/** What main does at launch, in order, and what it lets through: the bundles, ready, the window's secure settings, IPC, requests, the key on disk, the boundaries. */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { COMMAND_NAMES, channelOf } from '../../../src-main/contract/bridge.ts';
import { CONTENT_SECURITY_POLICY } from '../../../src-main/electron/appProtocol.ts';
import { firstIndex, outDir, primary } from '../support/boots.ts';

export function describeLaunch(): void {
  describe('the built bundles', () => {
    it('emit the preload as one CommonJS file that requires nothing but electron', () => {
      const preload = readFileSync(path.join(outDir, 'preload/index.cjs'), 'utf8');
      const required = [...preload.matchAll(/require\(["']([^"']+)["']\)/g)].map((m) => m[1]);
      expect(required).toEqual(['electron']);
      expect(preload).not.toMatch(/^\s*import\s/m);
      expect(preload).toContain('exposeInMainWorld("chamelio"');
    });
  });

  describe('booting the main process', () => {
    it('finishes without errors', () => {
      expect(primary.errors).toEqual([]);
    });

    it('does the before-ready work before ready, and requests the single-instance lock', () => {
      const before = primary['callsBeforeReady'] as string[];
      expect(before).toContain('protocol.registerSchemesAsPrivileged');
      expect(before).toContain('app.requestSingleInstanceLock');
      expect(before).toContain('app.enableSandbox');
      const scheme = primary.calls.find((c) => c.api === 'protocol.registerSchemesAsPrivileged');
      expect(scheme?.afterReady).toBe(false);
      expect(scheme?.args[0]).toEqual([
        { scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: false, corsEnabled: false } },
      ]);
    });

    it('creates the tray, the window, the protocol handler and touches safeStorage only after ready', () => {
      for (const api of ['new Tray', 'new BrowserWindow', 'protocol.handle', 'safeStorage.isEncryptionAvailable', 'globalShortcut.register']) {
        const calls = primary.calls.filter((c) => c.api === api);
        expect(calls.length, api).toBeGreaterThan(0);
        expect(calls.every((c) => c.afterReady), api).toBe(true);
      }
      expect(firstIndex(primary, '(ready)')).toBeLessThan(firstIndex(primary, 'new Tray'));
      expect((primary['tray'] as { count: number }).count).toBe(1);
    });

    it('opens the popover window with the secure settings, exactly', () => {
      const windows = primary['windows'] as { options: Record<string, unknown>; loadedUrl: string }[];
      expect(windows).toHaveLength(1);
      const { options, loadedUrl } = windows[0]!;
      expect(loadedUrl).toBe('app://tray/index.html');
      expect(options).toMatchObject({ width: 380, height: 560, show: false, frame: false, resizable: false, skipTaskbar: true });
      const prefs = options['webPreferences'] as Record<string, unknown>;
      expect(prefs).toEqual({
        contextIsolation: true,
        sandbox: true,
        nodeIntegration: false,
        nodeIntegrationInWorker: false,
        nodeIntegrationInSubFrames: false,
        webSecurity: true,
        allowRunningInsecureContent: false,
        experimentalFeatures: false,
        webviewTag: false,
        navigateOnDragDrop: false,
        spellcheck: false,
        safeDialogs: true,
        disableBlinkFeatures: 'Auxclick',
        preload: path.join(outDir, 'preload/index.cjs'),
        devTools: false,
      });
      expect(existsSync(prefs['preload'] as string)).toBe(true);
    });

    it('handles every contract command over IPC, and listens to nothing else', () => {
      expect([...(primary['handledChannels'] as string[])].sort()).toEqual(COMMAND_NAMES.map((n) => channelOf(n)).sort());
      // electron-store's own path-revealing listener is taken away again.
      expect(primary['ipcMainOnListeners']).toEqual([]);
    });

    it('sends no request before a key is set, then only through net.fetch with the key header, never following a redirect', () => {
      expect(primary['fetchesBeforeKey']).toEqual([]);
      const after = primary['fetchesAfterKey'] as { url: string; headerNames: string[]; redirect: string; afterReady: boolean }[];
      expect(after.length).toBeGreaterThan(0);
      expect(after[0]).toMatchObject({ url: 'https://platform.chamelio.ai/users/org-info', afterReady: true });
      for (const request of after) {
        expect(request.headerNames).toContain('x-api-key');
        expect(request.redirect).toBe('manual');
        // Past Chromium's HTTP cache and the session's cookie jar, with the client's timeout attached.
        expect(request).toMatchObject({ cache: 'no-store', credentials: 'omit', hasSignal: true });
      }
    });

    it('reports a redirect from the API as a server problem, not as offline (net.fetch rejects it)', () => {
      expect(primary['setApiKeyBehindRedirect']).toMatchObject({ ok: true, value: { ok: false, reason: 'other' } });
      expect(JSON.stringify(primary['setApiKeyBehindRedirect'])).toMatch(/HTTP 302/);
    });

    it('keeps the key encrypted on disk (0600) and out of every message to the page', () => {
      expect(primary['setApiKey']).toMatchObject({ ok: true, value: { ok: true, protection: 'os' } });
      expect(primary['store']).toEqual({
        mode: '600',
        containsPlainKey: false,
        apiKeyRecord: { v: 1, cipher: '[present]', protection: 'os' },
        storeVersion: 1,
      });
      expect(primary['keyInRendererMessages']).toBe(false);
      expect(primary['keyInRecordedCalls']).toBe(false);
    });

    it('answers our page and refuses foreign frames, sub-frames and other webContents', () => {
      const senders = primary['senders'] as Record<string, { ok: boolean; error?: string }>;
      expect(senders['page']?.ok).toBe(true);
      for (const stranger of ['foreignHttps', 'fileUrl', 'otherAppHost', 'nullFrame', 'subFrame', 'devServer', 'otherWebContents']) {
        expect(senders[stranger], stranger).toMatchObject({ ok: false });
        expect(senders[stranger]?.error, stranger).toMatch(/UntrustedSenderError/);
      }
    });

    it('refuses malformed arguments before the engine sees them', () => {
      const invalid = primary['invalidArgs'] as Record<string, { ok: boolean; error?: string }>;
      expect(Object.keys(invalid).length).toBeGreaterThan(5);
      for (const [name, result] of Object.entries(invalid)) {
        expect(result.ok, name).toBe(false);
        expect(result.error, name).toMatch(/InvalidArgumentsError/);
      }
    });

    it('serves app:// with the CSP header and refuses to leave the renderer folder', () => {
      const served = primary['appProtocol'] as Record<string, { status: number; csp: string | null; type: string }>;
      expect(served['index']).toEqual({ status: 200, csp: CONTENT_SECURITY_POLICY, type: 'text/html; charset=utf-8' });
      expect(served['root']?.status).toBe(200);
      expect(served['traversal']?.status).toBe(403);
      expect([403, 404]).toContain(served['dotSegments']?.status);
      expect(served['otherHost']?.status).toBe(404);
      expect(served['missing']?.status).toBe(404);
      for (const response of Object.values(served)) expect(response.csp).toBe(CONTENT_SECURITY_POLICY);
    });

    it('blocks navigation, new windows, webviews, and every permission but clipboard writes from our page', () => {
      expect(primary['guards']).toEqual({
        willNavigatePrevented: true,
        willAttachWebviewPrevented: true,
        windowOpenForeign: { action: 'deny' },
        windowOpenChamelio: { action: 'deny' },
        openedExternally: ['https://app.chamelio.ai/workflows/tasks/8', 'https://app.chamelio.ai/workflows/tasks/7'],
        permissions: {
          notifications: false,
          media: false,
          clipboardWriteFromPage: true,
          clipboardWriteFromSubFrame: false,
          clipboardWriteFromStranger: false,
          checkClipboardRead: false,
          checkClipboardWrite: true,
          deviceHandler: false,
        },
      });
    });
  });
}
