/**
 * Boots the built main bundle with a recording stand-in for the `electron` module. The stand-in
 * stands in for the Electron runtime, which cannot be downloaded or run on these machines; it lets
 * the real bundle (AppService, electron-store, the IPC layer, the guards) run in a child Node process
 * and records what it asked of Electron. See test/unit/electron/support/boot-harness.ts.
 *
 * The bundle is built here (main and preload with the project's own electron.vite.config.ts), because
 * `npm test` runs the unit and integration tests before `npm run build`.
 */
import { execFile } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { COMMAND_NAMES, channelOf } from '../../src-main/contract/bridge.ts';
import { CONTENT_SECURITY_POLICY } from '../../src-main/electron/appProtocol.ts';
import { layOutPackagedResources } from '../unit/electron/support/packagedResources.ts';

const run = promisify(execFile);
const root = path.resolve(import.meta.dirname, '../..');
const harness = path.join(root, 'test/unit/electron/support/boot-harness.ts');

interface Call {
  api: string;
  afterReady: boolean;
  args: unknown[];
}
type Report = Record<string, unknown> & { calls: Call[]; errors: string[] };

let work: string;
let outDir: string;
/** process.resourcesPath of a packaged app, laid out from electron-builder.yml's extraResources. */
let resources: string;
/** A wrong mapping: resources without the tray folder. */
let xwaylandResources: string;
/** Linux (X11), packaged: the full walk-through. */
let primary: Report;
let secondInstance: Report;
let windows: Report;
let mac: Report;
/** Linux, unpackaged, with ELECTRON_RENDERER_URL set as electron-vite's dev command would. */
let unpackaged: Report;
/** Linux in a Wayland session: natively, and on XWayland with --ozone-platform=x11. */
let wayland: Report;
let xwayland: Report;
/** The packaged AppImage, started with --no-sandbox as electron-builder's AppRun does on Ubuntu >= 24.04. */
let unsandboxed: Report;
/** Linux without a keyring: safeStorage's backend is basic_text. */
let noKeyring: Report;

interface BootOptions {
  platform?: 'linux' | 'win32' | 'darwin';
  packaged?: boolean;
  /** Chromium command-line switches (app.commandLine). */
  switches?: Record<string, string>;
  /** Extra environment for the main process. */
  env?: Record<string, string>;
  /** Stand-in settings (electron-stand-in.ts `settings`). */
  standIn?: Record<string, unknown>;
  /** process.resourcesPath; the laid-out packaged resources by default. */
  resourcesPath?: string;
}

async function boot(scenario: string, options: BootOptions = {}): Promise<Report> {
  const userData = mkdtempSync(path.join(work, `userdata-${scenario}-`));
  const reportFile = path.join(work, `report-${scenario}.json`);
  // The machine running the tests may itself be a Wayland or development session: main sees only
  // what each scenario sets.
  const env: Record<string, string | undefined> = { ...process.env, XDG_SESSION_TYPE: 'x11', ELECTRON_RENDERER_URL: undefined };
  delete env['ELECTRON_RENDERER_URL'];
  await run(process.execPath, [harness, path.join(outDir, 'main/index.js'), reportFile], {
    cwd: root,
    env: {
      ...env,
      BOOT_SCENARIO: scenario,
      BOOT_PLATFORM: options.platform ?? 'linux',
      BOOT_PACKAGED: options.packaged === false ? '0' : '1',
      BOOT_SWITCHES: JSON.stringify(options.switches ?? {}),
      BOOT_USER_DATA: userData,
      BOOT_RESOURCES: options.resourcesPath ?? resources,
      BOOT_STAND_IN: JSON.stringify(options.standIn ?? {}),
      ...options.env,
    },
    timeout: 120_000,
  });
  return JSON.parse(readFileSync(reportFile, 'utf8')) as Report;
}

beforeAll(async () => {
  // Inside the project (under the git-ignored .tmp/) so the temporary config resolves our packages.
  mkdirSync(path.join(root, '.tmp'), { recursive: true });
  work = mkdtempSync(path.join(root, '.tmp', 'electron-boot-'));
  outDir = path.join(work, 'out');
  const config = path.join(work, 'electron.vite.config.ts');
  const projectConfig = path.relative(work, path.join(root, 'electron.vite.config.ts')).split(path.sep).join('/');
  writeFileSync(
    config,
    [
      `import project from '${projectConfig}';`,
      '// The project config, without the renderer: the boot test needs main and preload only.',
      'const { main, preload } = project as { main: unknown; preload: unknown };',
      'export default { main, preload };',
      '',
    ].join('\n'),
  );
  await run(path.join(root, 'node_modules/.bin/electron-vite'), ['build', '-c', config, '--outDir', outDir, '--logLevel', 'warn'], {
    cwd: root,
    timeout: 120_000,
  });
  // A stand-in page for the app:// handler to serve.
  mkdirSync(path.join(outDir, 'renderer'), { recursive: true });
  writeFileSync(path.join(outDir, 'renderer/index.html'), '<!doctype html><title>Chamelio Tray</title>');
  resources = layOutPackagedResources(root, work);
  xwaylandResources = mkdtempSync(path.join(work, 'resources-without-tray-'));
  [primary, secondInstance, windows, mac, unpackaged, wayland, xwayland, unsandboxed, noKeyring] = await Promise.all([
    boot('primary', { standIn: { preloadError: "Cannot find module './bridge'" } }),
    boot('second-instance'),
    boot('win32', { platform: 'win32' }),
    boot('darwin', { platform: 'darwin' }),
    boot('unpackaged', { packaged: false, switches: { 'no-sandbox': '' }, env: { ELECTRON_RENDERER_URL: 'http://localhost:5173' } }),
    // Another app holds the default shortcut.
    boot('wayland', { env: { XDG_SESSION_TYPE: 'wayland' }, standIn: { takenShortcuts: ['CommandOrControl+Shift+K'] } }),
    // Packaged with a wrong extraResources mapping: no tray folder in the resources.
    boot('xwayland', { env: { XDG_SESSION_TYPE: 'wayland' }, switches: { 'ozone-platform': 'x11' }, resourcesPath: xwaylandResources }),
    boot('unsandboxed', { switches: { 'no-sandbox': '' }, env: { APPIMAGE: '/home/u/Applications/chamelio-tray-0.1.0-x86_64.AppImage' } }),
    boot('no-keyring', { standIn: { storageBackend: 'basic_text' } }),
  ]);
}, 400_000);

afterAll(() => {
  if (work && existsSync(work)) rmSync(work, { recursive: true, force: true });
});

const firstIndex = (report: Report, api: string): number => report.calls.findIndex((c) => c.api === api);
const callsTo = (report: Report, api: string): Call[] => report.calls.filter((c) => c.api === api);

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

describe('notifications', () => {
  it('Linux: a click on a change shows that task; no buttons, no toast XML', () => {
    const n = primary['notification'] as { options: Record<string, unknown>; showsAfterClick: unknown[]; visibleAfterClick: boolean };
    expect(n.options).toMatchObject({ title: expect.stringContaining('Task 42'), urgency: 'normal', id: expect.stringMatching(/^task-42-/) });
    expect(n.options['toastXml']).toBeUndefined();
    expect(n.showsAfterClick).toEqual([{ view: 'task', taskId: 42 }]);
    expect(n.visibleAfterClick).toBe(true);
  });

  it('Windows: a toast clicked in the Action Center after a timedOut close still shows its task', () => {
    const n = windows['notification'] as { options: Record<string, unknown>; showsAfterClick: unknown[] };
    expect(String(n.options['toastXml'])).toMatch(/^<toast launch="chamelio-tray:/);
    expect(n.showsAfterClick).toEqual([{ view: 'task', taskId: 42 }]);
    expect(callsTo(windows, 'Notification.handleActivation')).toHaveLength(1);
    expect(callsTo(primary, 'Notification.handleActivation')).toEqual([]);
  });

  it('macOS: "Review" on an approval waiting on you opens the popover at the approval', () => {
    expect(mac['review']).toEqual({ buttons: ['Review', 'Open', 'Snooze 1 day'], shows: [{ view: 'task', taskId: 42, focus: 'approval' }] });
  });

  it('macOS and Windows: "Open signed document" on a finished task opens the link fresh from the API, or shows the task when it has none', () => {
    for (const report of [mac, windows]) {
      expect(report['openSignedDocument']).toEqual({
        buttons: ['Open signed document', 'Open'],
        opened: ['https://files.example.com/NDA_signed.pdf?X-Amz-Expires=900'],
        shows: [{ view: 'task', taskId: 42 }],
      });
    }
    expect(primary['openSignedDocument']).toBeUndefined();
  });

  it('macOS: a click shows the task', () => {
    expect((mac['notification'] as { showsAfterClick: unknown[] }).showsAfterClick).toEqual([{ view: 'task', taskId: 42 }]);
  });
});

describe('booting on Windows (process.platform = win32)', () => {
  it('finishes without errors and walks through the same checks', () => {
    expect(windows.errors).toEqual([]);
    expect(windows['setApiKey']).toMatchObject({ ok: true, value: { ok: true, protection: 'os' } });
    expect(windows['traySettingsItemShows']).toEqual([{ view: 'settings' }]);
    expect(windows['quit']).toMatchObject({ quitEmitted: true, windowDestroyed: true });
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
    expect(mac.errors).toEqual([]);
    expect(mac['setApiKey']).toMatchObject({ ok: true, value: { ok: true, protection: 'os' } });
    expect(mac['traySettingsItemShows']).toEqual([{ view: 'settings' }]);
    expect(mac['quit']).toMatchObject({ quitEmitted: true, windowDestroyed: true });
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

const logged = (report: Report, pattern: RegExp): string[] => (report['logEntries'] as string[]).filter((line) => pattern.test(line));

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
