/**
 * A recording stand-in for the `electron` module. It stands in for the Electron runtime, which cannot
 * be downloaded or run on these machines, so that the built main bundle can boot in plain Node (see
 * test/integration/electron-boot.test.ts). Every call is recorded with whether `ready` had fired;
 * the harness drives events (ready, IPC calls, window events) and reads the recording back.
 *
 * It models only what main uses, and behaves like Electron where the wiring depends on it: `ready`
 * fires once (whenReady), BrowserWindow creation emits `web-contents-created`, loadURL ends with
 * `did-finish-load`, a Tray before ready throws, and so do protocol.handle and safeStorage; `app.quit()`
 * closes every window first and stops if one of them prevents its `close`.
 */
import { EventEmitter } from 'node:events';
import { existsSync } from 'node:fs';

export interface RecordedCall {
  seq: number;
  api: string;
  afterReady: boolean;
  args: unknown[];
}

let seq = 0;
let isReadyNow = false;
let readyResolve: (() => void) | null = null;
const readyPromise = new Promise<void>((resolve) => {
  readyResolve = resolve;
});

/** JSON-safe copy of call arguments: functions become "[function]", buffers their length. */
export function summarize(value: unknown, depth = 0): unknown {
  if (typeof value === 'function') return '[function]';
  if (value === null || typeof value !== 'object') return value;
  if (depth > 6) return '[deep]';
  if (value instanceof Uint8Array) return `[bytes:${value.length}]`;
  if (Array.isArray(value)) return value.map((v) => summarize(v, depth + 1));
  if (value instanceof EventEmitter) return '[emitter]';
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) out[k] = summarize(v, depth + 1);
  return out;
}

export const recording: { calls: RecordedCall[] } = { calls: [] };

function record(api: string, ...args: unknown[]): void {
  recording.calls.push({ seq: seq++, api, afterReady: isReadyNow, args: args.map((a) => summarize(a)) });
}

/** An Electron event object whose default can be prevented. */
export function cancellable(): { defaultPrevented: boolean; preventDefault(): void } {
  return {
    defaultPrevented: false,
    preventDefault() {
      this.defaultPrevented = true;
    },
  };
}

function requireReady(api: string): void {
  if (!isReadyNow) throw new Error(`${api} cannot be used before the app is ready`);
}

/**
 * What the harness can set before main loads. `platform` shapes what the stand-in reports (tray
 * bounds, the Dock, the work area); main itself reads `process.platform`, which the harness sets too.
 */
export const settings = {
  platform: process.platform as NodeJS.Platform,
  isPackaged: true,
  userData: '',
  singleInstanceLock: true,
  /** A keyring that answers (macOS, Windows, Linux with a keyring); Linux's `basic_text` ignores it. */
  encryptionAvailable: true,
  /** Linux: 'basic_text' is no keyring at all (an unrecognised desktop, a headless box). */
  storageBackend: 'gnome_libsecret' as string,
  /** packaged: `<resources>/app.asar`, as electron-builder lays it out; unpackaged: the project. */
  appPath: process.cwd(),
  clipboardText: '',
  notificationsSupported: true,
  /** When set, every notification's show() ends in 'failed' with this text. */
  notificationError: null as string | null,
  online: true,
  /** Chromium command-line switches, as app.commandLine reports them (name → value, '' for none). */
  switches: {} as Record<string, string>,
  /**
   * Answers for net.fetch, by URL path. A `redirectTo` answer is a 3xx: like Electron's net.fetch,
   * the stand-in rejects with Error('Redirect was cancelled') when the request asked for
   * `redirect: 'manual'`; otherwise it answers 404 (the stand-in follows no redirect).
   */
  fetchAnswers: new Map<string, { status: number; body: unknown } | { redirectTo: string }>(),
  /** When set, the preload throws this on every page load ('preload-error'); the page still loads. */
  preloadError: null as string | null,
  /** When set, every loadURL fails with this net error ('did-fail-load', then the promise rejects). */
  loadFailure: null as { errorCode: number; errorDescription: string } | null,
  /** Accelerators another app holds: globalShortcut.register returns false for them. */
  takenShortcuts: [] as string[],
};

// ── app ───────────────────────────────────────────────────────────────────────────────────────────
class StandInApp extends EventEmitter {
  get isPackaged(): boolean {
    return settings.isPackaged;
  }
  get dock(): { hide(): void } | undefined {
    return settings.platform === 'darwin' ? { hide: () => record('app.dock.hide') } : undefined;
  }
  enableSandbox(): void {
    record('app.enableSandbox');
  }
  requestSingleInstanceLock(): boolean {
    record('app.requestSingleInstanceLock');
    return settings.singleInstanceLock;
  }
  setAppUserModelId(id: string): void {
    record('app.setAppUserModelId', id);
  }
  whenReady(): Promise<void> {
    record('app.whenReady');
    return readyPromise;
  }
  isReady(): boolean {
    return isReadyNow;
  }
  /**
   * As Electron does it: `before-quit` (cancellable), then every window is closed, and a window
   * whose `close` is prevented cancels the whole quit; then `will-quit` (cancellable) and `quit`.
   */
  quit(): void {
    record('app.quit');
    const beforeQuit = cancellable();
    this.emit('before-quit', beforeQuit);
    if (beforeQuit.defaultPrevented) return;
    for (const win of BrowserWindow.all.filter((w) => !w.isDestroyed())) {
      if (!win.close()) {
        record('app.quit cancelled by a window');
        return;
      }
    }
    const willQuit = cancellable();
    this.emit('will-quit', willQuit);
    if (willQuit.defaultPrevented) return;
    this.emit('quit');
  }
  exit(code: number): void {
    record('app.exit', code);
  }
  getPath(name: string): string {
    record('app.getPath', name);
    if (name === 'userData') return settings.userData;
    // electron.d.ts, setAppLogsPath: the default is "inside the `userData` directory on _Linux_ and
    // _Windows_" (and ~/Library/Logs/<name> on macOS, which a test machine must not write to).
    if (name === 'logs') return `${settings.userData}/logs`;
    return settings.userData;
  }
  getVersion(): string {
    return '0.1.0';
  }
  getName(): string {
    return 'Chamelio Tray';
  }
  getAppPath(): string {
    return settings.appPath;
  }
  setLoginItemSettings(options: unknown): void {
    record('app.setLoginItemSettings', options);
  }
  readonly commandLine = {
    hasSwitch: (name: string): boolean => Object.hasOwn(settings.switches, name),
    getSwitchValue: (name: string): string => settings.switches[name] ?? '',
  };
  override on(event: string | symbol, listener: (...args: unknown[]) => void): this {
    record('app.on', String(event));
    return super.on(event, listener);
  }
}
export const app = new StandInApp();

export function fireReady(): void {
  isReadyNow = true;
  record('(ready)');
  app.emit('ready');
  readyResolve?.();
}

// ── protocol ──────────────────────────────────────────────────────────────────────────────────────
export const protocolHandlers = new Map<string, (request: Request) => Promise<Response> | Response>();
export const protocol = {
  registerSchemesAsPrivileged(schemes: unknown): void {
    record('protocol.registerSchemesAsPrivileged', schemes);
    if (isReadyNow) throw new Error('registerSchemesAsPrivileged must be called before ready');
  },
  handle(scheme: string, handler: (request: Request) => Promise<Response> | Response): void {
    record('protocol.handle', scheme);
    requireReady('protocol.handle');
    protocolHandlers.set(scheme, handler);
  },
};

// ── menus ─────────────────────────────────────────────────────────────────────────────────────────
export interface StandInMenu {
  template: unknown[];
}
export const menus: { application: StandInMenu | null; built: StandInMenu[] } = { application: null, built: [] };
export const Menu = {
  buildFromTemplate(template: unknown[]): StandInMenu {
    const menu = { template };
    menus.built.push(menu);
    return menu;
  },
  setApplicationMenu(menu: StandInMenu | null): void {
    record('Menu.setApplicationMenu', menu ? menu.template : null);
    menus.application = menu;
  },
};

// ── session ───────────────────────────────────────────────────────────────────────────────────────
export const permissionHandlers: {
  request: ((wc: unknown, permission: string, callback: (granted: boolean) => void, details: unknown) => void) | null;
  check: ((...args: unknown[]) => boolean) | null;
  device: ((...args: unknown[]) => boolean) | null;
} = { request: null, check: null, device: null };
export const session = {
  defaultSession: {
    setPermissionRequestHandler(handler: typeof permissionHandlers.request): void {
      record('session.setPermissionRequestHandler');
      permissionHandlers.request = handler;
    },
    setPermissionCheckHandler(handler: typeof permissionHandlers.check): void {
      record('session.setPermissionCheckHandler');
      permissionHandlers.check = handler;
    },
    setDevicePermissionHandler(handler: typeof permissionHandlers.device): void {
      record('session.setDevicePermissionHandler');
      permissionHandlers.device = handler;
    },
  },
};

// ── ipcMain ───────────────────────────────────────────────────────────────────────────────────────
class StandInIpcMain extends EventEmitter {
  readonly handlers = new Map<string, (event: unknown, ...args: unknown[]) => unknown>();
  handle(channel: string, handler: (event: unknown, ...args: unknown[]) => unknown): void {
    record('ipcMain.handle', channel);
    if (this.handlers.has(channel)) throw new Error(`Attempted to register a second handler for '${channel}'`);
    this.handlers.set(channel, handler);
  }
  removeHandler(channel: string): void {
    this.handlers.delete(channel);
  }
  override on(event: string | symbol, listener: (...args: unknown[]) => void): this {
    record('ipcMain.on', String(event));
    return super.on(event, listener);
  }
}
export const ipcMain = new StandInIpcMain();

// ── windows ───────────────────────────────────────────────────────────────────────────────────────
export class StandInWebContents extends EventEmitter {
  static nextId = 1;
  readonly id = StandInWebContents.nextId++;
  readonly sent: { channel: string; payload: unknown }[] = [];
  windowOpenHandler: ((details: { url: string }) => { action: string }) | null = null;
  readonly mainFrame: { url: string; parent: null };
  constructor() {
    super();
    this.mainFrame = { url: '', parent: null };
  }
  send(channel: string, payload: unknown): void {
    this.sent.push({ channel, payload: JSON.parse(JSON.stringify(payload ?? null)) as unknown });
  }
  setWindowOpenHandler(handler: (details: { url: string }) => { action: string }): void {
    record('webContents.setWindowOpenHandler');
    this.windowOpenHandler = handler;
  }
}

export class BrowserWindow extends EventEmitter {
  static readonly all: BrowserWindow[] = [];
  readonly webContents = new StandInWebContents();
  readonly options: Record<string, unknown>;
  visible = false;
  destroyed = false;
  position: [number, number] = [0, 0];
  loadedUrl: string | null = null;
  constructor(options: Record<string, unknown>) {
    super();
    record('new BrowserWindow', options);
    requireReady('BrowserWindow');
    this.options = options;
    BrowserWindow.all.push(this);
    app.emit('web-contents-created', {}, this.webContents);
  }
  async loadURL(url: string): Promise<void> {
    record('BrowserWindow.loadURL', url);
    if (this.destroyed) throw new TypeError('Object has been destroyed');
    this.loadedUrl = url;
    this.webContents.mainFrame.url = url;
    await new Promise((resolve) => setImmediate(resolve));
    const failure = settings.loadFailure;
    if (failure !== null) {
      // electron.d.ts, did-fail-load: "This event is like did-finish-load but emitted when the load
      // failed" (event, errorCode, errorDescription, validatedURL, isMainFrame); loadURL "will reject
      // if the page fails to load".
      this.webContents.emit('did-fail-load', {}, failure.errorCode, failure.errorDescription, url, true);
      throw new Error(`${failure.errorDescription} (${failure.errorCode}) loading '${url}'`);
    }
    if (settings.preloadError !== null) {
      // electron.d.ts, preload-error: "Emitted when the preload script preloadPath throws an unhandled
      // exception error" (event, preloadPath, error). The page itself goes on loading.
      const webPreferences = this.options['webPreferences'] as { preload?: string } | undefined;
      this.webContents.emit('preload-error', {}, webPreferences?.preload ?? '', new Error(settings.preloadError));
    }
    this.webContents.emit('did-finish-load');
  }
  /** Emits a cancellable `close`; unless prevented the window is destroyed and emits `closed`. True if it closed. */
  close(): boolean {
    record('BrowserWindow.close');
    if (this.destroyed) return true;
    const event = cancellable();
    this.emit('close', event);
    if (event.defaultPrevented) return false;
    this.visible = false;
    this.destroyed = true;
    this.emit('closed');
    return true;
  }
  show(): void {
    record('BrowserWindow.show');
    this.visible = true;
    this.emit('show');
  }
  hide(): void {
    record('BrowserWindow.hide');
    this.visible = false;
    this.emit('hide');
  }
  focus(): void {
    this.emit('focus');
  }
  isVisible(): boolean {
    return this.visible;
  }
  isDestroyed(): boolean {
    return this.destroyed;
  }
  getSize(): [number, number] {
    return [Number(this.options['width']), Number(this.options['height'])];
  }
  setPosition(x: number, y: number): void {
    record('BrowserWindow.setPosition', x, y);
    this.position = [x, y];
  }
  center(): void {
    record('BrowserWindow.center');
  }
  setVisibleOnAllWorkspaces(visible: boolean, options?: unknown): void {
    record('BrowserWindow.setVisibleOnAllWorkspaces', visible, options);
  }
}

/** macOS: under a 28 px menu bar; Windows: above a 40 px taskbar; Linux: under a 28 px top panel. */
function workArea(): { x: number; y: number; width: number; height: number } {
  if (settings.platform === 'win32') return { x: 0, y: 0, width: 1920, height: 1040 };
  return { x: 0, y: 28, width: 1920, height: 1052 };
}
export const screen = {
  getCursorScreenPoint: (): { x: number; y: number } => {
    record('screen.getCursorScreenPoint');
    return { x: 1800, y: 10 };
  },
  getDisplayMatching: () => ({ workArea: workArea() }),
  getDisplayNearestPoint: () => ({ workArea: workArea() }),
};

// ── tray and images ───────────────────────────────────────────────────────────────────────────────
export interface StandInImage {
  path: string;
  template: boolean;
  empty: boolean;
  isEmpty(): boolean;
  setTemplateImage(on: boolean): void;
}
export const nativeImage = {
  /**
   * electron.d.ts, createFromPath: "This method returns an empty image if the `path` does not exist,
   * cannot be read, or is not a valid image." It never throws.
   */
  createFromPath(path: string): StandInImage {
    record('nativeImage.createFromPath', path);
    const empty = !existsSync(path);
    return {
      path,
      template: false,
      empty,
      isEmpty: () => empty,
      setTemplateImage(on: boolean) {
        this.template = on;
      },
    };
  },
};

export class Tray extends EventEmitter {
  static readonly all: Tray[] = [];
  image: unknown;
  tooltip = '';
  contextMenu: StandInMenu | null = null;
  contextMenuSets = 0;
  toolTipSets = 0;
  poppedUp: StandInMenu | null = null;
  constructor(image: unknown) {
    super();
    record('new Tray', image);
    requireReady('Tray');
    this.image = image;
    Tray.all.push(this);
  }
  setImage(image: unknown): void {
    record('Tray.setImage', image);
    this.image = image;
  }
  setToolTip(text: string): void {
    this.tooltip = text;
    this.toolTipSets++;
  }
  /** electron.d.ts: "setTitle(title, options?) … @platform darwin": a no-op elsewhere. */
  setTitle(title: string): void {
    record('Tray.setTitle', title);
  }
  setContextMenu(menu: StandInMenu): void {
    record('Tray.setContextMenu');
    this.contextMenu = menu;
    this.contextMenuSets++;
  }
  popUpContextMenu(menu?: StandInMenu): void {
    record('Tray.popUpContextMenu');
    this.poppedUp = menu ?? this.contextMenu;
  }
  setIgnoreDoubleClickEvents(ignore: boolean): void {
    record('Tray.setIgnoreDoubleClickEvents', ignore);
  }
  getBounds(): { x: number; y: number; width: number; height: number } {
    // The macOS menu bar and the Windows notification area report the icon; Linux (StatusNotifierItem) nothing.
    if (settings.platform === 'darwin') return { x: 1200, y: 0, width: 24, height: 24 };
    if (settings.platform === 'win32') return { x: 1800, y: 1044, width: 32, height: 32 };
    return { x: 0, y: 0, width: 0, height: 0 };
  }
  destroy(): void {
    record('Tray.destroy');
  }
}

export class Notification extends EventEmitter {
  static readonly all: Notification[] = [];
  static activationHandler: ((details: { type: string; arguments: string; actionIndex?: number }) => void) | null = null;
  /** electron.d.ts: "Whether or not desktop notifications are supported on the current system" (Linux: libnotify loaded). */
  static isSupported(): boolean {
    return settings.notificationsSupported;
  }
  /** electron.d.ts: `@platform win32`; elsewhere there is no such function. */
  static handleActivation(callback: (details: { type: string; arguments: string; actionIndex?: number }) => void): void {
    record('Notification.handleActivation');
    if (settings.platform !== 'win32') throw new TypeError('Notification.handleActivation is not a function');
    Notification.activationHandler = callback;
  }
  readonly options: Record<string, unknown>;
  constructor(options: Record<string, unknown>) {
    super();
    record('new Notification', options);
    requireReady('Notification');
    this.options = options;
  }
  /**
   * electron.d.ts, 'failed': "Emitted when an error is encountered while creating and showing the
   * native notification" (darwin, win32; an unsigned macOS build, say). The stand-in fails when told to.
   */
  show(): void {
    record('Notification.show');
    Notification.all.push(this);
    if (settings.notificationError !== null) {
      const error = settings.notificationError;
      setImmediate(() => this.emit('failed', {}, error));
    }
  }
  close(): void {
    record('Notification.close');
  }
}

// ── system services ───────────────────────────────────────────────────────────────────────────────
export const registeredShortcuts = new Map<string, () => void>();
export const globalShortcut = {
  register(accelerator: string, callback: () => void): boolean {
    record('globalShortcut.register', accelerator);
    requireReady('globalShortcut');
    // electron.d.ts: "When the accelerator is already taken by other applications, this call will
    // silently fail" — it returns false and throws nothing.
    if (settings.takenShortcuts.includes(accelerator)) return false;
    registeredShortcuts.set(accelerator, callback);
    return true;
  },
  unregister(accelerator: string): void {
    registeredShortcuts.delete(accelerator);
  },
  unregisterAll(): void {
    record('globalShortcut.unregisterAll');
    registeredShortcuts.clear();
  },
};

let plainTextOptIn = false;
function encryptionAvailableNow(): boolean {
  if (!isReadyNow) return false;
  // electron-practices.md: on `basic_text` isEncryptionAvailable() is
  // `OSCrypt::IsEncryptionAvailable() || (use_password_v10_ && backend == "basic_text")`, i.e. false
  // until setUsePlainTextEncryption(true) ("force the module to use an in memory password").
  if (settings.platform === 'linux' && settings.storageBackend === 'basic_text') return plainTextOptIn;
  return settings.encryptionAvailable;
}
/** Reversible and obviously fake: the point is that main stores what safeStorage returns. */
export const safeStorage = {
  isEncryptionAvailable(): boolean {
    record('safeStorage.isEncryptionAvailable');
    requireReady('safeStorage');
    return encryptionAvailableNow();
  },
  /** electron.d.ts: "User friendly name of the password manager selected on Linux"; 'unknown' before ready. */
  getSelectedStorageBackend(): string {
    return isReadyNow ? settings.storageBackend : 'unknown';
  },
  /** electron.d.ts: "This function will throw an error if encryption fails" (as it does when unavailable). */
  encryptString(plain: string): Buffer {
    record('safeStorage.encryptString');
    requireReady('safeStorage');
    if (!encryptionAvailableNow()) throw new Error('Error while encrypting the text provided to safeStorage.encryptString. Encryption is not available.');
    return Buffer.from(Buffer.from(plain, 'utf8').map((b) => b ^ 0x5a));
  },
  decryptString(cipher: Buffer): string {
    record('safeStorage.decryptString');
    if (!encryptionAvailableNow()) throw new Error('Error while decrypting the ciphertext provided to safeStorage.decryptString. Decryption is not available.');
    return Buffer.from(cipher.map((b) => b ^ 0x5a)).toString('utf8');
  },
  /** electron.d.ts: Linux only, "a no-op on Windows and MacOS". */
  setUsePlainTextEncryption(on: boolean): void {
    record('safeStorage.setUsePlainTextEncryption', on);
    if (settings.platform === 'linux') plainTextOptIn = on;
  },
};

export const fetches: {
  url: string;
  method: string;
  headerNames: string[];
  redirect: string;
  cache: string;
  credentials: string;
  hasSignal: boolean;
  afterReady: boolean;
}[] = [];
const notFound = (): Response =>
  new Response(JSON.stringify({ detail: 'Not found' }), { status: 404, headers: { 'content-type': 'application/json' } });
export const net = {
  /**
   * electron.d.ts, net.fetch: "Sends a request, similarly to how `fetch()` works in the renderer" and
   * "will issue requests from the default session": the RequestInit options apply as in fetch(),
   * so `cache`, `credentials` and `signal` are recorded as passed (unset: the session's defaults,
   * HTTP cache and cookie jar included), and an aborted signal rejects with an AbortError as fetch() does.
   */
  async fetch(url: string, init?: RequestInit): Promise<Response> {
    requireReady('net.fetch');
    fetches.push({
      url,
      method: init?.method ?? 'GET',
      headerNames: Object.keys((init?.headers as Record<string, string> | undefined) ?? {}).map((h) => h.toLowerCase()),
      redirect: init?.redirect ?? 'follow',
      cache: init?.cache ?? '(session default)',
      credentials: init?.credentials ?? '(session default)',
      hasSignal: init?.signal instanceof AbortSignal,
      afterReady: isReadyNow,
    });
    init?.signal?.throwIfAborted();
    const answer = settings.fetchAnswers.get(new URL(url).pathname);
    if (!answer) return notFound();
    if ('redirectTo' in answer) {
      // lib/browser/api/net-client-request.ts: a 'manual' redirect nobody follows dies with this.
      if (init?.redirect === 'manual') throw new Error('Redirect was cancelled');
      return notFound();
    }
    return new Response(JSON.stringify(answer.body), { status: answer.status, headers: { 'content-type': 'application/json' } });
  },
  isOnline(): boolean {
    return settings.online;
  },
};

export const powerMonitor = new (class extends EventEmitter {
  override on(event: string | symbol, listener: (...args: unknown[]) => void): this {
    record('powerMonitor.on', String(event));
    return super.on(event, listener);
  }
})();

export const nativeTheme = {
  sources: [] as string[],
  set themeSource(value: string) {
    this.sources.push(value);
  },
  get themeSource(): string {
    return this.sources.at(-1) ?? 'system';
  },
};

export const opened: string[] = [];
export const shell = {
  async openExternal(url: string): Promise<void> {
    record('shell.openExternal', url);
    opened.push(url);
  },
  /** electron.d.ts: "Resolves with a string containing the error message corresponding to the failure if a failure occurred, otherwise ''." */
  async openPath(path: string): Promise<string> {
    record('shell.openPath', path);
    return '';
  },
};

export const dialog = {
  /**
   * electron.d.ts, dialog.showErrorBox: "If called before the app `ready` event on Linux, the message
   * will be emitted to stderr, and no GUI dialog will appear." Recorded under another name then, so
   * a test looking for the dialog does not find one.
   */
  showErrorBox(title: string, content: string): void {
    const shown = isReadyNow || settings.platform !== 'linux';
    record(shown ? 'dialog.showErrorBox' : 'dialog.showErrorBox (stderr only, no dialog)', title, content);
  },
};

export const clipboard = {
  written: [] as string[],
  async readText(): Promise<string> {
    return settings.clipboardText;
  },
  writeText(text: string): void {
    record('clipboard.writeText');
    clipboard.written.push(text);
  },
};

// Preload-side names, so a stray import would at least resolve (main must not use them).
export const contextBridge = {
  exposeInMainWorld(): void {
    record('contextBridge.exposeInMainWorld (in main!)');
  },
};
export const ipcRenderer = undefined;

const electron = {
  app,
  protocol,
  Menu,
  session,
  ipcMain,
  BrowserWindow,
  screen,
  nativeImage,
  Tray,
  Notification,
  globalShortcut,
  safeStorage,
  net,
  powerMonitor,
  nativeTheme,
  shell,
  dialog,
  clipboard,
  contextBridge,
  ipcRenderer,
};
export default electron;
