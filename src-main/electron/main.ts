/**
 * The Electron main process: wiring only. Every decision lives in a pure, unit-tested helper next to
 * this file; the engine (core/app/AppService) does everything about tasks. Order matters and is
 * Electron's: the privileged scheme, sandbox and single-instance lock before `ready`, everything that
 * touches the OS (tray, safeStorage, protocol.handle, net.fetch, Notification) after it.
 */
import { renameSync } from 'node:fs';
import { homedir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  app,
  clipboard,
  dialog,
  ipcMain,
  Menu,
  nativeTheme,
  net,
  powerMonitor,
  session,
  globalShortcut,
} from 'electron';
import Store from 'electron-store';
import { AppService } from '../core/app/AppService.ts';
import type { Settings } from '../core/app/Settings.ts';
import { applicationMenuTemplate } from './appMenu.ts';
import { APP_INDEX_URL } from './appProtocol.ts';
import { handleAppProtocol, registerAppScheme } from './appProtocolHandler.ts';
import {
  autostartExecPath,
  autostartFilePath,
  loginItemPlan,
  removeAutostartEntry,
  writeAutostartEntry,
} from './autostart.ts';
import { createCommandHandlers, MAX_CLIPBOARD_SCAN } from './commandHandlers.ts';
import { isDocumentUrl } from './externalUrl.ts';
import { DemoRunner } from './demo.ts';
import { electronNotificationApi, globalShortcutRegistrar, openInBrowser, safeStorageCipher } from './electronAdapters.ts';
import { registerCommandHandlers } from './ipc.ts';
import { withManualRedirectAsResponse } from './netFetch.ts';
import { ElectronNotifier } from './notifier.ts';
import { popoverPlacement } from './popoverPosition.ts';
import { PopoverWindow } from './popoverWindow.ts';
import { realClock } from '../core/app/realClock.ts';
import { consoleLogger } from './runtime.ts';
import { unsandboxedStartRefusal } from './sandboxGuard.ts';
import { SafeStorageSecretStore } from './secretStore.ts';
import { installWebContentsGuards, restrictPermissions } from './securityGuards.ts';
import { settingsEffects, type AppliedSettings } from './settingsEffects.ts';
import {
  ElectronStorePersistence,
  migrateStore,
  openStoreWithRecovery,
  STORE_OPTIONS,
  StoreKeyRecords,
  type KeyValueStore,
} from './settingsStore.ts';
import { ShortcutBinding } from './shortcut.ts';
import { OnlineWatcher, wirePowerMonitor } from './systemState.ts';
import { TrayController } from './trayController.ts';
import { trayIconDirectory } from './trayIcon.ts';
import type { TrayMenuActions } from './trayMenu.ts';

/** Must equal electron-builder.yml's appId, or Windows shows no notifications. */
export const APP_ID = 'com.chamelio.tray';

const here = path.dirname(fileURLToPath(import.meta.url));
const platform = process.platform;
const logger = consoleLogger();

// ── before ready ─────────────────────────────────────────────────────────────────────────────────
const sandboxRefusal = unsandboxedStartRefusal({
  isPackaged: app.isPackaged,
  noSandbox: app.commandLine.hasSwitch('no-sandbox'),
  fromAppImage: process.env['APPIMAGE'] !== undefined,
});
if (sandboxRefusal !== null) {
  // The installed app never runs unsandboxed (sandboxGuard.ts); showErrorBox works before ready.
  logger.error('refusing to run without the Chromium sandbox (--no-sandbox)');
  dialog.showErrorBox('Chamelio Tray cannot start', sandboxRefusal);
  app.exit(1);
} else {
  registerAppScheme();
  // Every renderer sandboxed, whatever a future window forgets to say (checklist item 4).
  app.enableSandbox();

  const isPrimaryInstance = app.requestSingleInstanceLock();
  if (!isPrimaryInstance) {
    // The first instance shows its popover (second-instance below); this one has nothing to do.
    app.quit();
  } else {
    start();
  }
}

/** What exists so far; filled in as startup creates it, so events during startup find what is there. */
interface Running {
  popover: PopoverWindow | null;
  engine: AppService | null;
  online: OnlineWatcher | null;
  tray: TrayController | null;
  demo: DemoRunner;
}

function start(): void {
  if (platform === 'win32') app.setAppUserModelId(APP_ID);

  const running: Running = { popover: null, engine: null, online: null, tray: null, demo: new DemoRunner(logger) };
  let stopping = false;

  const openExternal = (url: string): void => {
    void openInBrowser(url, logger).catch((error: unknown) => logger.warn('the browser did not open', { error: String(error) }));
  };
  installWebContentsGuards(app, openExternal, logger);

  app.on('second-instance', () => running.popover?.show());
  // macOS: opening the app again from Finder or Spotlight.
  app.on('activate', () => running.popover?.show());
  // A tray app keeps running with no window open.
  app.on('window-all-closed', () => undefined);
  app.on('before-quit', (event) => {
    running.popover?.prepareToQuit();
    const engine = running.engine;
    if (stopping || !engine) return;
    // Let the engine flush its last write before the process ends.
    event.preventDefault();
    stopping = true;
    running.online?.stop();
    globalShortcut.unregisterAll();
    void Promise.allSettled([engine.stop(), running.demo.stop()]).then(() => {
      running.tray?.destroy();
      app.quit();
    });
  });

  app
    .whenReady()
    .then(() => onReady(running, openExternal))
    .catch((error: unknown) => {
      logger.error('startup failed', { error: error instanceof Error ? error.message : String(error) });
      app.exit(1);
    });
}

async function onReady(running: Running, openExternal: (url: string) => void): Promise<void> {
  const { demo } = running;
  // LSUIElement hides the Dock icon in the packaged app; this covers unpackaged runs.
  app.dock?.hide();
  Menu.setApplicationMenu(Menu.buildFromTemplate(applicationMenuTemplate(platform)));
  restrictPermissions(session.defaultSession);

  const rendererRoot = path.join(here, '../renderer');
  handleAppProtocol(rendererRoot);

  // ── storage: settings, pins, history and the encrypted key, in userData/config.json (0600) ──────
  const storeFile = path.join(app.getPath('userData'), `${STORE_OPTIONS.configName}.json`);
  const store = openStoreWithRecovery({
    create: () =>
      new Store({
        name: STORE_OPTIONS.configName,
        schema: STORE_OPTIONS.schema,
        defaults: STORE_OPTIONS.defaults,
        configFileMode: STORE_OPTIONS.configFileMode,
        clearInvalidConfig: STORE_OPTIONS.clearInvalidConfig,
        accessPropertiesByDotNotation: STORE_OPTIONS.accessPropertiesByDotNotation,
        watch: STORE_OPTIONS.watch,
      }) as unknown as KeyValueStore,
    file: storeFile,
    moveAside: (from, to) => renameSync(from, to),
    now: Date.now(),
    warn: (message, fields) => logger.warn(message, fields),
  });
  // electron-store answers a synchronous IPC message with the userData path for renderer-side stores.
  // We have none, and no page should learn local paths: take that listener away again.
  ipcMain.removeAllListeners('electron-store-get-data');
  const migration = migrateStore(store);
  if (migration.kind !== 'current') logger.info('settings file layout', { ...migration });

  const secrets = new SafeStorageSecretStore({ cipher: safeStorageCipher(platform), records: new StoreKeyRecords(store), logger });

  // ── popover and tray ────────────────────────────────────────────────────────────────────────────
  let keepOpen = false;
  const popover = new PopoverWindow({
    preloadPath: path.join(here, '../preload/index.cjs'),
    // Always our own scheme, packaged or not: no dev-server origin to load or to trust.
    url: APP_INDEX_URL,
    isPackaged: app.isPackaged,
    platform,
    placement: popoverPlacement({ platform, env: process.env, switchValue: (name) => app.commandLine.getSwitchValue(name) }),
    now: () => Date.now(),
    keepOpen: () => keepOpen,
    trayBounds: () => running.tray?.bounds() ?? null,
    logger,
  });
  running.popover = popover;
  const focus = (taskId: number | null): void => popover.show(taskId === null ? { view: 'list' } : { view: 'task', taskId });

  let engineRef: AppService | null = null;
  const trayActions: TrayMenuActions = {
    focusTask: focus,
    pinFromClipboard: () => {
      const engine = engineRef;
      if (!engine) return;
      void clipboard
        .readText()
        .then((text) => engine.pin(text.slice(0, MAX_CLIPBOARD_SCAN)))
        .then((result) => {
          logger.info('pinned from the clipboard', { pinned: result.pinned.length, rejected: result.rejected.length });
          focus(result.pinned.length === 1 ? (result.pinned[0] as number) : null);
        })
        .catch((error: unknown) => logger.error('pin from clipboard failed', { error: String(error) }));
    },
    refresh: () => void engineRef?.refresh(),
    pauseNotifications: (until) => void engineRef?.pauseNotifications(until),
    openChamelio: () => {
      if (engineRef) openExternal(engineRef.chamelioHomeUrl());
    },
    openSettings: () => popover.show({ view: 'settings' }),
    quit: () => app.quit(),
  };
  const tray = new TrayController({
    iconDir: trayIconDirectory({ isPackaged: app.isPackaged, resourcesPath: process.resourcesPath, appPath: app.getAppPath() }),
    platform,
    actions: trayActions,
    now: () => Date.now(),
    onClick: () => popover.toggle(),
  });
  running.tray = tray;

  const notifier = new ElectronNotifier({ api: electronNotificationApi(), platform, onActivate: focus, logger });

  // ── the engine ──────────────────────────────────────────────────────────────────────────────────
  const engine = new AppService({
    clock: realClock,
    // Chromium's network stack: system and PAC proxies, proxy auth, the OS certificate store; a
    // redirect the client asked not to follow comes back as a 3xx (netFetch.ts).
    fetch: withManualRedirectAsResponse((url, init) => net.fetch(url, init)),
    persistence: new ElectronStorePersistence(store),
    secrets,
    notifier,
    tray,
    logger,
  });
  engineRef = engine;
  running.engine = engine;

  const shortcut = new ShortcutBinding(globalShortcutRegistrar, () => popover.toggle());
  registerCommandHandlers({
    ipc: ipcMain,
    handlers: createCommandHandlers(
      engine,
      {
        openInBrowser: (url) => openInBrowser(url, logger),
        openDocumentInBrowser: (url) => openInBrowser(url, logger, isDocumentUrl),
        readClipboardText: () => clipboard.readText(),
        startDemo: () => demo.start(engine),
        hideWindow: () => popover.hide(),
        shortcut,
      },
    ),
    logger,
    isOwnSender: (sender) => popover.isOwnSender(sender),
  });

  // ── settings that live in the OS ────────────────────────────────────────────────────────────────
  let applied: AppliedSettings | null = null;
  const applySettings = (settings: Settings): void => {
    keepOpen = settings.keepOpen;
    const effects = settingsEffects(applied, settings);
    const firstTime = applied === null;
    applied = { theme: settings.theme, launchAtLogin: settings.launchAtLogin, shortcut: settings.shortcut };
    if (effects.theme !== undefined) nativeTheme.themeSource = effects.theme;
    if (effects.launchAtLogin !== undefined) void applyLaunchAtLogin(effects.launchAtLogin);
    if (effects.shortcut !== undefined) {
      const result = shortcut.apply(effects.shortcut);
      if (!result.ok) {
        logger.warn('the global shortcut could not be registered', { shortcut: result.failed });
        // At startup keep the user's choice (another app may hold the keys just now); after a change
        // made elsewhere, put the setting back to what actually works.
        if (!firstTime) void engine.updateSettings({ shortcut: result.active });
      }
    }
  };

  engine.subscribe((snapshot) => {
    popover.send('state', snapshot);
    applySettings(snapshot.settings);
    if (!snapshot.demo) void demo.stop();
  });

  const online = new OnlineWatcher({ isOnline: () => net.isOnline(), clock: realClock, sink: engine });
  running.online = online;
  wirePowerMonitor(powerMonitor, engine, () => online.check());

  tray.create(engine.trayState());
  popover.create();
  await engine.start();
  online.start();
  applySettings(engine.getState().settings);
  logger.info('ready', { platform, packaged: app.isPackaged });
}

async function applyLaunchAtLogin(enabled: boolean): Promise<void> {
  const plan = loginItemPlan({ platform, isPackaged: app.isPackaged, enabled });
  try {
    if (plan.kind === 'login-item') app.setLoginItemSettings({ openAtLogin: plan.openAtLogin });
    else if (plan.kind === 'xdg-autostart') {
      const file = autostartFilePath(process.env, homedir());
      if (plan.enabled) await writeAutostartEntry(file, autostartExecPath(process.execPath, process.env));
      else await removeAutostartEntry(file);
    } else if (enabled) logger.info('launch at login not applied', { reason: plan.reason });
  } catch (error) {
    logger.error('launch at login could not be changed', { error: error instanceof Error ? error.message : String(error) });
  }
}
