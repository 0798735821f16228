/**
 * Part of the recording stand-in for `electron` (../electron-stand-in.ts), which stands in for the
 * Electron runtime that cannot run here. The stand-in's `app`, and the popover's BrowserWindow with
 * its webContents and the screen it is placed on.
 */
import { EventEmitter } from 'node:events';
import { cancellable, isReadyNow, markReady, readyPromise, record, requireReady, settings, settleReady } from './recording.ts';

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
    return isReadyNow();
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
  markReady();
  app.emit('ready');
  settleReady();
}

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
