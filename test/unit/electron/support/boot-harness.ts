/**
 * Boots the built main bundle (out/main/index.js) in plain Node, with `electron` mapped to the
 * recording stand-in (electron-stand-in.ts), which stands in for the Electron runtime that cannot
 * run here. It then plays the parts of Electron and of a renderer: fires `ready`, calls the IPC
 * handlers from our page and from foreign frames, asks the app:// handler for files, triggers the
 * navigation guards, and writes what happened to a JSON report for electron-boot.test.ts.
 *
 * Usage: node boot-harness.ts <main bundle> <report.json>
 * Env:   BOOT_USER_DATA (a temp dir), BOOT_SCENARIO (a name; 'second-instance' is refused the lock;
 *        'second-instance' and 'unsandboxed' stop after importing main),
 *        BOOT_PLATFORM ('linux' | 'win32' | 'darwin'; default linux), BOOT_PACKAGED ('0' for an
 *        unpackaged run; default packaged), BOOT_SWITCHES (JSON: Chromium switches for
 *        app.commandLine), BOOT_RESOURCES (process.resourcesPath: packagedResources.ts lays it out),
 *        BOOT_STAND_IN (JSON: more stand-in settings, e.g. a Linux without a keyring).
 */
import { registerHooks } from 'node:module';
import { existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { makeTask } from '../../../support/makeTask.ts';

const platform = (process.env['BOOT_PLATFORM'] ?? 'linux') as NodeJS.Platform;
// main.ts reads process.platform, so it has to be the platform under test before the bundle is
// imported. (Node's own path and url modules picked their flavour at startup and keep it.)
Object.defineProperty(process, 'platform', { value: platform, configurable: true, enumerable: true });

const standInUrl = new URL('./electron-stand-in.ts', import.meta.url).href;
const updaterStandInUrl = new URL('./electron-updater-stand-in.ts', import.meta.url).href;
registerHooks({
  resolve(specifier, context, nextResolve) {
    if (specifier === 'electron') return { url: standInUrl, shortCircuit: true };
    if (specifier === 'electron-updater') return { url: updaterStandInUrl, shortCircuit: true };
    return nextResolve(specifier, context);
  },
});

const standIn = await import(standInUrl);
type StandIn = typeof import('./electron-stand-in.ts');
const s = standIn as StandIn;

const [mainPath, reportPath] = process.argv.slice(2) as [string, string];
const scenario = process.env['BOOT_SCENARIO'] ?? 'primary';
const userData = process.env['BOOT_USER_DATA'] as string;
// Short but valid: the old Electron mask let keys this short through.
const TEST_KEY = 'ca_abcdefg';

s.settings.platform = platform;
s.settings.isPackaged = process.env['BOOT_PACKAGED'] !== '0';
s.settings.userData = userData;
s.settings.singleInstanceLock = scenario !== 'second-instance';
s.settings.switches = JSON.parse(process.env['BOOT_SWITCHES'] ?? '{}') as Record<string, string>;
Object.assign(s.settings, JSON.parse(process.env['BOOT_STAND_IN'] ?? '{}') as Partial<typeof s.settings>);
const ORG_INFO = { status: 200, body: { org_name: 'Boot Test Org', rate_limit_per_minute: 120, entities: [], api_key_id: 7 } };
// Until the key is set for real, the API address answers with a redirect (a login page, a moved host).
s.settings.fetchAnswers.set('/users/org-info', { redirectTo: 'https://sso.example/login' });
// Packaged: Electron's process.resourcesPath, and the app itself inside <resources>/app.asar.
const resourcesPath = process.env['BOOT_RESOURCES'] as string;
(process as NodeJS.Process & { resourcesPath: string }).resourcesPath = resourcesPath;
if (s.settings.isPackaged) s.settings.appPath = path.join(resourcesPath, 'app.asar');

const report: Record<string, unknown> = { scenario, platform };
const errors: string[] = [];
process.on('unhandledRejection', (reason) => errors.push(`unhandledRejection: ${String(reason)}`));

/** Waits for what main does in its own time; generous, because eight boots share a loaded machine. */
async function waitFor(what: string, condition: () => boolean, timeoutMs = 30_000): Promise<boolean> {
  const start = Date.now();
  while (!condition()) {
    if (Date.now() - start > timeoutMs) {
      errors.push(`timed out waiting for ${what}`);
      return false;
    }
    await new Promise((r) => setTimeout(r, 10));
  }
  return true;
}

function finish(): never {
  report['calls'] = s.recording.calls;
  report['errors'] = errors;
  writeFileSync(reportPath, JSON.stringify(report, null, 2));
  process.exit(0);
}

await import(pathToFileURL(path.resolve(mainPath)).href);
report['callsBeforeReady'] = s.recording.calls.map((c) => c.api);

if (scenario === 'second-instance') {
  // Give a wrongly written main the chance to do more than quit.
  await new Promise((r) => setTimeout(r, 50));
  finish();
}
if (scenario === 'unsandboxed') {
  // The refusal waits for `ready` (a dialog before it shows nothing on Linux), then exits.
  s.fireReady();
  await waitFor('app.exit', () => s.recording.calls.some((c) => c.api === 'app.exit'));
  await new Promise((r) => setTimeout(r, 50));
  finish();
}

s.fireReady();

const stateChannel = 'chamelio:state';
const popover = () => s.BrowserWindow.all[0];
await waitFor('the first state pushed to the page', () => (popover()?.webContents.sent ?? []).some((m) => m.channel === stateChannel));
await waitFor('the tray', () => s.Tray.all.length > 0);
if (platform !== 'darwin') await waitFor('the tray menu', () => (s.Tray.all[0]?.contextMenuSets ?? 0) > 0);

type MenuItem = { id?: string; label?: string; click?: () => void; submenu?: MenuItem[] };
/** The tray menu as the user reaches it: set as the context menu, or (macOS) popped up on right-click. */
function trayMenuNow(): MenuItem[] {
  const t = s.Tray.all[0];
  if (!t) return [];
  if (platform !== 'darwin') return (t.contextMenu?.template ?? []) as MenuItem[];
  t.emit('right-click');
  return (t.poppedUp?.template ?? []) as MenuItem[];
}

const win = popover();
// No key and no pins: a first launch shows the popover by itself; hide it for the checks below.
report['shownOnFirstLaunch'] = win?.isVisible() ?? null;
win?.hide();
report['windows'] = s.BrowserWindow.all.map((w) => ({ options: s.summarize(w.options), loadedUrl: w.loadedUrl }));
report['handledChannels'] = [...s.ipcMain.handlers.keys()];
report['ipcMainOnListeners'] = s.ipcMain.eventNames().map(String);
report['powerMonitorEvents'] = s.powerMonitor.eventNames().map(String);
report['fetchesBeforeKey'] = [...s.fetches];
report['shortcuts'] = [...s.registeredShortcuts.keys()];
report['applicationMenu'] = s.menus.application ? s.summarize(s.menus.application.template) : null;
report['permissionRequestHandlerSet'] = s.permissionHandlers.request !== null;
report['nativeTheme'] = [...s.nativeTheme.sources];

const tray = s.Tray.all[0];
report['tray'] = tray
  ? {
      count: s.Tray.all.length,
      image: s.summarize(tray.image),
      tooltip: tray.tooltip,
      menu: s.summarize(trayMenuNow()),
      contextMenuSets: tray.contextMenuSets,
      poppedUp: tray.poppedUp !== null,
      listeners: tray.eventNames().map(String),
    }
  : null;

// ── IPC: our page, then strangers ─────────────────────────────────────────────────────────────────
type Handler = (event: unknown, ...args: unknown[]) => unknown;
const handler = (name: string): Handler => s.ipcMain.handlers.get(`chamelio:${name}`) as Handler;
const fromPage = () => ({ senderFrame: { url: 'app://tray/index.html', parent: null }, sender: win?.webContents });
async function outcome(promise: () => unknown): Promise<{ ok: boolean; value?: unknown; error?: string }> {
  try {
    return { ok: true, value: s.summarize(await promise()) };
  } catch (error) {
    return { ok: false, error: error instanceof Error ? `${error.name}: ${error.message}` : String(error) };
  }
}

const senders: Record<string, unknown> = {
  page: fromPage(),
  foreignHttps: { senderFrame: { url: 'https://evil.example/', parent: null }, sender: win?.webContents },
  fileUrl: { senderFrame: { url: 'file:///home/user/index.html', parent: null }, sender: win?.webContents },
  otherAppHost: { senderFrame: { url: 'app://evil/index.html', parent: null }, sender: win?.webContents },
  nullFrame: { senderFrame: null, sender: win?.webContents },
  subFrame: { senderFrame: { url: 'app://tray/index.html', parent: { url: 'app://tray/index.html' } }, sender: win?.webContents },
  devServer: { senderFrame: { url: 'http://localhost:5173/', parent: null }, sender: win?.webContents },
  otherWebContents: { senderFrame: { url: 'app://tray/index.html', parent: null }, sender: {} },
};
const senderResults: Record<string, unknown> = {};
for (const [name, event] of Object.entries(senders)) senderResults[name] = await outcome(() => handler('getState')(event));
report['senders'] = senderResults;

report['invalidArgs'] = {
  negativeTaskId: await outcome(() => handler('getTaskDetail')(fromPage(), -1)),
  fractionalTaskId: await outcome(() => handler('unpin')(fromPage(), 1.5)),
  pinNotText: await outcome(() => handler('pin')(fromPage(), { text: 'x' })),
  pinTooLong: await outcome(() => handler('pin')(fromPage(), 'x'.repeat(100_000))),
  settingsArray: await outcome(() => handler('updateSettings')(fromPage(), [])),
  settingsProto: await outcome(() => handler('updateSettings')(fromPage(), JSON.parse('{"__proto__":{"x":1}}'))),
  pauseText: await outcome(() => handler('pauseNotifications')(fromPage(), 'tomorrow')),
  extraArg: await outcome(() => handler('refresh')(fromPage(), 1)),
};

// ── app:// ────────────────────────────────────────────────────────────────────────────────────────
const serve = s.protocolHandlers.get('app');
async function fetchApp(url: string): Promise<unknown> {
  if (!serve) return null;
  const response = await serve(new Request(url));
  return { status: response.status, csp: response.headers.get('content-security-policy'), type: response.headers.get('content-type') };
}
report['appProtocol'] = {
  index: await fetchApp('app://tray/index.html'),
  root: await fetchApp('app://tray/'),
  traversal: await fetchApp('app://tray/..%2f..%2fpackage.json'),
  dotSegments: await fetchApp('app://tray/%2e%2e/%2e%2e/package.json'),
  otherHost: await fetchApp('app://other/index.html'),
  missing: await fetchApp('app://tray/nope.js'),
};

// ── navigation, new windows, webviews, permissions ───────────────────────────────────────────────
function fakeEvent(url = ''): { url: string; prevented: boolean; preventDefault(): void } {
  return {
    url,
    prevented: false,
    preventDefault() {
      this.prevented = true;
    },
  };
}
// Electron 45 passes the URL in the event (details.url); the positional argument is deprecated.
const nav = fakeEvent('https://app.chamelio.ai/workflows/tasks/8');
win?.webContents.emit('will-navigate', nav, 'https://app.chamelio.ai/workflows/tasks/8');
const webview = fakeEvent();
win?.webContents.emit('will-attach-webview', webview, {}, {});
const openForeign = win?.webContents.windowOpenHandler?.({ url: 'https://evil.example/' });
const openChamelio = win?.webContents.windowOpenHandler?.({ url: 'https://app.chamelio.ai/workflows/tasks/7' });
await new Promise((r) => setImmediate(r));
function requestPermission(permission: string, requestingUrl: string, isMainFrame = true): boolean | null {
  let granted: boolean | null = null;
  s.permissionHandlers.request?.({}, permission, (g) => {
    granted = g;
  }, { requestingUrl, isMainFrame });
  return granted;
}
report['guards'] = {
  willNavigatePrevented: nav.prevented,
  willAttachWebviewPrevented: webview.prevented,
  windowOpenForeign: openForeign ?? null,
  windowOpenChamelio: openChamelio ?? null,
  openedExternally: [...s.opened],
  permissions: {
    notifications: requestPermission('notifications', 'app://tray/index.html'),
    media: requestPermission('media', 'app://tray/index.html'),
    clipboardWriteFromPage: requestPermission('clipboard-sanitized-write', 'app://tray/index.html'),
    clipboardWriteFromSubFrame: requestPermission('clipboard-sanitized-write', 'app://tray/index.html', false),
    clipboardWriteFromStranger: requestPermission('clipboard-sanitized-write', 'https://evil.example/'),
    checkClipboardRead: s.permissionHandlers.check?.({}, 'clipboard-read', 'app://tray', { isMainFrame: true }) ?? null,
    checkClipboardWrite: s.permissionHandlers.check?.({}, 'clipboard-sanitized-write', 'app://tray', { isMainFrame: true }) ?? null,
    deviceHandler: s.permissionHandlers.device?.({}) ?? null,
  },
};

// ── the key: set through the bridge, then look for it where it must not be ───────────────────────
// A redirect is a server problem ("check the API address"), not "offline".
report['setApiKeyBehindRedirect'] = await outcome(() => handler('setApiKey')(fromPage(), TEST_KEY, false));
s.settings.fetchAnswers.set('/users/org-info', ORG_INFO);
report['setApiKey'] = await outcome(() => handler('setApiKey')(fromPage(), TEST_KEY, false));
await waitFor('the state after the key', () => (win?.webContents.sent.filter((m) => m.channel === stateChannel).length ?? 0) > 1);
report['fetchesAfterKey'] = [...s.fetches];
const configFile = path.join(userData, 'config.json');
const configText = readFileSync(configFile, 'utf8');
const config = JSON.parse(configText) as Record<string, unknown>;
report['store'] = {
  mode: (statSync(configFile).mode & 0o777).toString(8),
  containsPlainKey: configText.includes(TEST_KEY),
  apiKeyRecord: config['apiKey'] ? { ...(config['apiKey'] as object), cipher: '[present]' } : null,
  storeVersion: config['storeVersion'],
};
type Snapshot = { key: unknown; build: { version: string; updates: { kind: string } } | null };
const lastState = (): Snapshot | undefined => win?.webContents.sent.filter((m) => m.channel === stateChannel).at(-1)?.payload as Snapshot | undefined;
report['keyState'] = lastState()?.key ?? null;
if (s.settings.storageBackend === 'basic_text') {
  // No keyring: the user opts in to weak storage knowingly (Settings' "Remember anyway").
  report['setApiKeyWeak'] = await outcome(() => handler('setApiKey')(fromPage(), TEST_KEY, true));
  const stored = readFileSync(configFile, 'utf8');
  const record = (JSON.parse(stored) as Record<string, unknown>)['apiKey'];
  report['storeAfterOptIn'] = { containsPlainKey: stored.includes(TEST_KEY), apiKeyRecord: record ? { ...(record as object), cipher: '[present]' } : null };
}
report['keyInRendererMessages'] = JSON.stringify(win?.webContents.sent ?? []).includes(TEST_KEY);
report['keyInRecordedCalls'] = JSON.stringify(s.recording.calls).includes(TEST_KEY);

// ── polls that change nothing the menu shows leave the tray menu alone ───────────────────────────
const statesSent = (): number => win?.webContents.sent.filter((m) => m.channel === stateChannel).length ?? 0;
s.settings.fetchAnswers.set('/tasks/42', { status: 200, body: { task: makeTask({ task_id: 42 }) } });
report['pin'] = await outcome(() => handler('pin')(fromPage(), 'https://app.chamelio.ai/workflows/tasks/42'));
await waitFor('the first check of the pinned task', () => /checked/.test(tray?.tooltip ?? ''));
await new Promise((r) => setTimeout(r, 150)); // the pin's own snapshots settle first
const trayBefore = { menuSets: tray?.contextMenuSets ?? 0, menusBuilt: s.menus.built.length };
for (let poll = 0; poll < 3; poll++) {
  const sent = statesSent();
  await handler('refresh')(fromPage());
  await waitFor('the snapshot after a refresh', () => statesSent() > sent);
}
report['trayAcrossPolls'] = {
  menuSetsAdded: (tray?.contextMenuSets ?? 0) - trayBefore.menuSets,
  menusBuilt: s.menus.built.length - trayBefore.menusBuilt,
};
report['trayAfterPolls'] = { tooltip: tray?.tooltip ?? null, summary: trayMenuNow().find((i) => i.id === 'summary')?.label ?? null };

// ── a change is notified; a click on it (Windows: from the Action Center after it timed out) shows the task
{
  const before = s.Notification.all.length;
  s.settings.fetchAnswers.set('/tasks/42', { status: 200, body: { task: makeTask({ task_id: 42, status: 'completed', completed_at: '2026-11-20T11:00:00Z' }) } });
  await handler('refresh')(fromPage());
  await waitFor('a notification for the change', () => s.Notification.all.length > before);
  const shown = s.Notification.all.at(-1);
  const showsBefore = (win?.webContents.sent ?? []).filter((m) => m.channel === 'chamelio:show').length;
  win?.hide();
  if (platform === 'win32') {
    // The toast leaves the screen for the Action Center; the click arrives later, through handleActivation.
    shown?.emit('close', { reason: 'timedOut' });
    const launch = /<toast launch="([^"]*)"/.exec(String(shown?.options['toastXml'] ?? ''))?.[1]?.replace(/&amp;/g, '&') ?? '';
    s.Notification.activationHandler?.({ type: 'click', arguments: launch });
  } else {
    shown?.emit('click', {});
  }
  report['notification'] = {
    options: s.summarize(shown?.options ?? null),
    showsAfterClick: (win?.webContents.sent ?? []).filter((m) => m.channel === 'chamelio:show').slice(showsBefore).map((m) => m.payload),
    visibleAfterClick: win?.isVisible() ?? null,
  };
  win?.hide();
}

// ── macOS and Windows: "Open signed document" on the finished task opens the link asked for on the
// click; with no signed document it shows the task instead
if (platform === 'darwin' || platform === 'win32') {
  const finished = s.Notification.all.at(-1);
  // macOS: the `actions` option, pressed by index; Windows: the toast XML's <action> buttons, whose arguments come back.
  const xml = String(finished?.options['toastXml'] ?? '');
  const toastButtons = [...xml.matchAll(/<action content="([^"]*)" arguments="([^"]*)"/g)].map((m) => ({ text: m[1]!, arguments: m[2]!.replace(/&amp;/g, '&') }));
  const buttons = (platform === 'darwin' ? ((finished?.options['actions'] ?? []) as { text: string }[]) : toastButtons).map((a) => a.text);
  const press = (label: string): void => {
    if (platform === 'darwin') finished?.emit('action', { actionIndex: buttons.indexOf(label) });
    else s.Notification.activationHandler?.({ type: 'action', arguments: toastButtons.find((b) => b.text === label)?.arguments ?? '' });
  };
  const opened = (): unknown[] => s.recording.calls.filter((c) => c.api === 'shell.openExternal').map((c) => c.args[0]);
  const shows = (): unknown[] => (win?.webContents.sent ?? []).filter((m) => m.channel === 'chamelio:show').map((m) => m.payload);
  const signed = (documents: unknown[]) => ({ status: 200, body: { task_id: 42, workflow_status: 'completed', total: documents.length, documents } });
  const nda = { file_id: 'document_42', file_name: 'NDA_signed.pdf', step_id: 'signature', step_name: 'Signature', download_url: 'https://files.example.com/NDA_signed.pdf?X-Amz-Expires=900', expires_at: '2026-11-20T12:00:00Z' };
  s.settings.fetchAnswers.set('/tasks/42/signed-documents', signed([nda]));
  const [openedBefore, showsBefore] = [opened().length, shows().length];
  press('Open signed document');
  await waitFor('the signed document opened', () => opened().length > openedBefore);
  s.settings.fetchAnswers.set('/tasks/42/signed-documents', signed([]));
  press('Open signed document');
  await waitFor('the task shown for a task with no signed document', () => shows().length > showsBefore);
  report['openSignedDocument'] = { buttons, opened: opened().slice(openedBefore), shows: shows().slice(showsBefore) };
  win?.hide();
}

// ── macOS: "Review" on an approval waiting on you opens the popover at that approval
if (platform === 'darwin') {
  await handler('updateSettings')(fromPage(), { userEmail: 'me@example.com' });
  const before = s.Notification.all.length;
  const atApproval = { current_step_id: 'legal_approval', current_step_name: 'Legal Approval', current_step_type: 'approval', assignee_email: 'me@example.com' };
  s.settings.fetchAnswers.set('/tasks/42', { status: 200, body: { task: makeTask({ task_id: 42, status: 'in_progress', completed_at: null, ...atApproval }) } });
  await handler('refresh')(fromPage());
  await waitFor('a notification for the approval', () => s.Notification.all.length > before);
  const shown = s.Notification.all.at(-1);
  const buttons = ((shown?.options['actions'] ?? []) as { text: string }[]).map((a) => a.text);
  const showsBefore = (win?.webContents.sent ?? []).filter((m) => m.channel === 'chamelio:show').length;
  shown?.emit('action', { actionIndex: buttons.indexOf('Review') });
  report['review'] = { buttons, shows: (win?.webContents.sent ?? []).filter((m) => m.channel === 'chamelio:show').slice(showsBefore).map((m) => m.payload) };
  win?.hide();
}

// ── updates: checked at launch where the package can update itself; "Restart to update" once downloaded
{
  const updater = ((await import(updaterStandInUrl)) as typeof import('./electron-updater-stand-in.ts')).autoUpdater;
  const offered = (): boolean => trayMenuNow().some((i) => i.id === 'restart-to-update');
  const checked = await waitFor('an update check', () => updater.calls.includes('checkForUpdates'), platform === 'linux' ? 200 : 30_000);
  if (!checked) errors.pop(); // Linux here is the deb, which must not check: not an error of the boot.
  // Settings' build line follows the check (the snapshot after setBuild).
  if (checked) await waitFor('the build line after the check', () => lastState()?.build?.updates.kind === 'checked');
  report['build'] = lastState()?.build ?? null;
  const offeredBefore = offered();
  if (checked) updater.emit('update-downloaded', { version: '0.2.0' });
  const offeredAfter = offered();
  trayMenuNow().find((i) => i.id === 'restart-to-update')?.click?.();
  report['updates'] = { checked, autoDownload: updater.autoDownload, offeredBefore, offeredAfter, calls: [...updater.calls] };
}

// ── Troubleshooting: the log folder, the diagnostics (no key, no task title)
{
  const trouble = trayMenuNow().find((i) => i.id === 'troubleshooting')?.submenu ?? [];
  trouble.find((i) => i.id === 'open-log-folder')?.click?.();
  trouble.find((i) => i.id === 'copy-diagnostics')?.click?.();
  await new Promise((r) => setImmediate(r));
  report['troubleshooting'] = {
    items: trouble.map((i) => i.label),
    openedPath: s.recording.calls.find((c) => c.api === 'shell.openPath')?.args[0] ?? null,
    diagnostics: s.clipboard.written.at(-1) ?? null,
  };
}

// ── shell integration ─────────────────────────────────────────────────────────────────────────────
const visibleBefore = win?.isVisible() ?? null;
s.app.emit('second-instance', {}, [], process.cwd());
report['secondInstanceShowsPopover'] = { before: visibleBefore, after: win?.isVisible() ?? null, position: win?.position ?? null };
const shows = () => win?.webContents.sent.filter((m) => m.channel === 'chamelio:show') ?? [];
const sentBefore = shows().length;
trayMenuNow().find((item) => item.id === 'settings')?.click?.();
report['traySettingsItemShows'] = shows().slice(sentBefore).map((m) => m.payload);
report['hideWindow'] = await outcome(() => handler('hideWindow')(fromPage()));
report['hiddenAfterHideWindow'] = win?.isVisible() === false;
report['openTask'] = await outcome(() => handler('openTask')(fromPage(), 42));
report['openedAfterOpenTask'] = [...s.opened];

// ── a crashing page is reloaded three times a minute at most ─────────────────────────────────────
const loads = (): number => s.recording.calls.filter((c) => c.api === 'BrowserWindow.loadURL').length;
// (Only in the primary boot: the others keep their reload budget for the crash after quitting.)
if (scenario === 'primary') {
  const loadsBeforeCrashes = loads();
  // The reloads fail too (a renderer folder gone missing): did-fail-load, and loadURL rejects.
  s.settings.loadFailure = { errorCode: -6, errorDescription: 'ERR_FILE_NOT_FOUND' };
  for (let crash = 0; crash < 5; crash++) win?.webContents.emit('render-process-gone', {}, { reason: 'crashed', exitCode: 133 });
  await new Promise((r) => setTimeout(r, 20));
  s.settings.loadFailure = null;
  report['reloadsAfterFiveCrashes'] = loads() - loadsBeforeCrashes;
}

// ── closing only hides; quitting flushes and lets go of the OS ──────────────────────────────────────
win?.show();
const closedByUser = win?.close() ?? null;
report['closeByUser'] = { closed: closedByUser, visible: win?.isVisible() ?? null, destroyed: win?.isDestroyed() ?? null };

let quitEmitted = false;
s.app.on('quit', () => {
  quitEmitted = true;
});
s.app.quit();
await waitFor('quit after the engine stopped', () => quitEmitted);
const loadsBeforeLateCrash = loads();
win?.webContents.emit('render-process-gone', {}, { reason: 'killed', exitCode: 9 });
report['reloadsAfterCrashOfDestroyedWindow'] = loads() - loadsBeforeLateCrash;
report['quit'] = {
  quitEmitted,
  windowDestroyed: win?.isDestroyed() ?? null,
  trayDestroyed: s.recording.calls.some((c) => c.api === 'Tray.destroy'),
  shortcutsAfterQuit: [...s.registeredShortcuts.keys()],
};

// ── the log file: a failure that quotes the key is logged, masked
// Thrown for real: main's uncaughtException listener must log it (masked) and keep the process alive.
setImmediate(() => {
  throw new Error(`request with ${TEST_KEY} failed`);
});
await new Promise((r) => setTimeout(r, 50));
const logFile = path.join(userData, 'logs', 'main.log');
const logText = existsSync(logFile) ? readFileSync(logFile, 'utf8') : '';
report['logFile'] = {
  exists: existsSync(logFile),
  lines: logText.split('\n').filter(Boolean).length,
  containsKey: logText.includes(TEST_KEY) || logText.includes(TEST_KEY.slice(3)),
  hasReady: logText.includes('ready'),
  hasUncaught: /uncaught exception.*\[redacted\]/.test(logText),
};
// One entry per logged line; its fields may run over several lines of the file.
report['logEntries'] = logText.split(/\n(?=\[\d{4}-)/).filter(Boolean);

finish();
