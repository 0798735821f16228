/**
 * The popover: one frameless window, created hidden at startup so the first click is instant, shown
 * next to the tray icon and hidden when it loses focus. The decisions (where, when to hide, what a
 * click means) are the pure helpers in popoverPosition.ts and popoverBehaviour.ts.
 */
import { BrowserWindow, screen, type Rectangle } from 'electron';
import { channelOf, type EventName, type Events, type PopoverView } from '../contract/bridge.ts';
import type { Logger } from '../core/app/ports.ts';
import { crashReloadDecision, MAX_CRASH_RELOADS, shouldHideOnBlur, toggleAction } from './popoverBehaviour.ts';
import { popoverPosition, type PopoverPlacement } from './popoverPosition.ts';
import { popoverWindowOptions } from './windowOptions.ts';

interface PopoverDeps {
  preloadPath: string;
  /** app://tray/index.html (APP_INDEX_URL). */
  url: string;
  isPackaged: boolean;
  platform: NodeJS.Platform;
  /** popoverPlacement(): next to the tray icon (or the pointer), or centred on native Wayland. */
  placement: PopoverPlacement;
  now: () => number;
  keepOpen: () => boolean;
  trayBounds: () => Rectangle | null;
  logger: Logger;
}

export class PopoverWindow {
  private readonly deps: PopoverDeps;
  private window: BrowserWindow | null = null;
  private loaded = false;
  private pending: { channel: string; payload: unknown }[] = [];
  private shownAt: number | null = null;
  private hiddenByBlurAt: number | null = null;
  private quitting = false;
  private crashReloads: number[] = [];

  constructor(deps: PopoverDeps) {
    this.deps = deps;
  }

  create(): BrowserWindow {
    if (this.window && !this.window.isDestroyed()) return this.window;
    const win = this.newWindow();
    this.window = win;
    this.loaded = false;
    this.hideInsteadOfClosing(win);
    this.deliverQueuedOnLoad(win);
    this.logLoadFailures(win);
    this.reloadOnCrash(win);
    this.load(win, 'the popover page did not load');
    return win;
  }

  private newWindow(): BrowserWindow {
    const options = popoverWindowOptions({ preloadPath: this.deps.preloadPath, isPackaged: this.deps.isPackaged });
    const win = new BrowserWindow({
      ...options,
      webPreferences: {
        ...options.webPreferences,
        // The same values as SECURE_WEB_PREFERENCES, restated where static checkers (electronegativity)
        // look for them; the boot test asserts the window's final options exactly.
        contextIsolation: true,
        sandbox: true,
        nodeIntegration: false,
        webSecurity: true,
        webviewTag: false,
        allowRunningInsecureContent: false,
        experimentalFeatures: false,
        disableBlinkFeatures: 'Auxclick',
      },
    });
    // macOS: over full-screen apps too, like the menu-bar icon that opens it. Without
    // skipTransformProcessType the call makes the agent app a foreground one for a moment (electron.d.ts:
    // "... can bypass this transformation"), and the Dock icon LSUIElement hides flashes up.
    if (this.deps.platform === 'darwin') {
      win.setVisibleOnAllWorkspaces(true, { visibleOnFullScreen: true, skipTransformProcessType: true });
    }
    return win;
  }

  /** Hidden on blur (past the grace period) and on close: the app lives in the tray. */
  private hideInsteadOfClosing(win: BrowserWindow): void {
    win.on('blur', () => {
      if (!win.isVisible()) return;
      if (!shouldHideOnBlur({ now: this.deps.now(), shownAt: this.shownAt, keepOpen: this.deps.keepOpen() })) return;
      this.hiddenByBlurAt = this.deps.now();
      win.hide();
    });
    // Closing (Alt+F4, Cmd+W) only hides.
    win.on('close', (event) => {
      if (this.quitting) return;
      event.preventDefault();
      win.hide();
    });
    win.on('closed', () => {
      this.window = null;
      this.loaded = false;
    });
  }

  /** What was sent before the page could listen reaches it once it has loaded. */
  private deliverQueuedOnLoad(win: BrowserWindow): void {
    win.webContents.on('did-finish-load', () => {
      this.loaded = true;
      const queued = this.pending;
      this.pending = [];
      for (const item of queued) win.webContents.send(item.channel, item.payload);
    });
  }

  /** A crashed page is reloaded, but not in a loop (crashReloadDecision). */
  private reloadOnCrash(win: BrowserWindow): void {
    win.webContents.on('render-process-gone', (_event, details) => {
      this.loaded = false;
      if (win.isDestroyed()) return;
      const decision = crashReloadDecision(this.crashReloads, this.deps.now());
      this.crashReloads = decision.recent;
      if (!decision.reload) {
        this.deps.logger.error('the popover page keeps crashing; not reloading it again', {
          reason: details.reason,
          reloadsInLastMinute: MAX_CRASH_RELOADS,
        });
        return;
      }
      this.deps.logger.error('the popover page crashed; reloading it', { reason: details.reason });
      this.load(win, 'the popover page did not reload');
    });
  }

  private load(win: BrowserWindow, failure: string): void {
    void win.loadURL(this.deps.url).catch((error: unknown) => {
      this.deps.logger.error(failure, { error: error instanceof Error ? error.message : String(error) });
    });
  }

  isOwnSender(sender: unknown): boolean {
    return this.window !== null && !this.window.isDestroyed() && sender === this.window.webContents;
  }

  /** Tray click and the global shortcut. */
  toggle(): void {
    const win = this.create();
    const action = toggleAction({ visible: win.isVisible(), now: this.deps.now(), hiddenByBlurAt: this.hiddenByBlurAt });
    if (action === 'hide') this.hide();
    else if (action === 'show') this.show();
  }

  /** Shows the popover; with a view the page is told what to show. */
  show(view?: PopoverView): void {
    const win = this.create();
    this.place(win);
    this.shownAt = this.deps.now();
    this.hiddenByBlurAt = null;
    win.show();
    win.focus();
    if (view !== undefined) this.send('show', view);
  }

  hide(): void {
    if (this.window && !this.window.isDestroyed() && this.window.isVisible()) this.window.hide();
  }

  send<E extends EventName>(event: E, payload: Events[E]): void {
    const win = this.window;
    if (!win || win.isDestroyed()) return;
    const channel = channelOf(event);
    if (!this.loaded) {
      // Only the latest state matters; every focus request is kept in order.
      if (event === 'state') this.pending = this.pending.filter((p) => p.channel !== channel);
      this.pending.push({ channel, payload });
      return;
    }
    win.webContents.send(channel, payload);
  }

  prepareToQuit(): void {
    this.quitting = true;
  }

  /**
   * electron.d.ts: 'preload-error' "Emitted when the preload script `preloadPath` throws an unhandled
   * exception" (the page then runs without window.chamelio); 'did-fail-load' "when the load failed"
   * (errorCode: a net error, e.g. -6 FILE_NOT_FOUND). Either leaves an empty popover: say so in the log.
   */
  private logLoadFailures(win: BrowserWindow): void {
    const { logger } = this.deps;
    win.webContents.on('preload-error', (_event, preloadPath, error) => {
      logger.error('the popover preload failed', { preloadPath, error: error.message });
    });
    win.webContents.on('did-fail-load', (_event, errorCode, errorDescription, validatedURL, isMainFrame) => {
      logger.warn('the popover page failed to load', { errorCode, errorDescription, validatedURL, isMainFrame });
    });
  }

  private place(win: BrowserWindow): void {
    if (this.deps.placement === 'centre') {
      // Native Wayland: no pointer position to read and setPosition is ignored.
      win.center();
      return;
    }
    const trayBounds = this.deps.trayBounds();
    const cursor = screen.getCursorScreenPoint();
    const display = trayBounds && trayBounds.width > 0 ? screen.getDisplayMatching(trayBounds) : screen.getDisplayNearestPoint(cursor);
    const [width, height] = win.getSize() as [number, number];
    const { x, y } = popoverPosition({
      trayBounds,
      windowSize: { width, height },
      workArea: display.workArea,
      cursor,
      platform: this.deps.platform,
    });
    win.setPosition(x, y, false);
  }
}
