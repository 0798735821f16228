/**
 * The Electron main process, as a table of contents: each step is one call into wiring/ (or a pure,
 * unit-tested helper beside this file); the engine (core/app/AppService) does everything about
 * tasks. Order matters and is Electron's: the privileged scheme, sandbox and single-instance lock
 * before `ready`; everything that touches the OS (tray, safeStorage, protocol.handle, net.fetch,
 * Notification, dialogs that show on Linux) after it.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { app } from 'electron';
import { APP_ID } from './appIdentity.ts';
import { registerAppScheme } from './appProtocolHandler.ts';
import { DemoRunner } from './demo.ts';
import { globalShortcutRegistrar, openInBrowser } from './electronAdapters.ts';
import { inBackground } from './background.ts';
import { openFileLog } from './fileLog.ts';
import { unsandboxedStartRefusal } from './sandboxGuard.ts';
import { installWebContentsGuards } from './securityGuards.ts';
import { ShortcutBinding } from './shortcut.ts';
import { createEngine } from './wiring/engine.ts';
import { showOnFirstLaunch } from './wiring/firstLaunch.ts';
import { registerIpc } from './wiring/ipc.ts';
import { failToStart, logProcessFailures, startupFailureMessage, wireAppLifecycle, type Running } from './wiring/lifecycle.ts';
import { createNotifier } from './wiring/notifications.ts';
import { settingsApplier, watchSystemState } from './wiring/osIntegration.ts';
import { createPopover } from './wiring/popover.ts';
import { setUpSession } from './wiring/session.ts';
import { createSecretStore, createStore } from './wiring/store.ts';
import { createTray } from './wiring/tray.ts';
import { buildInfoNow, createUpdates } from './wiring/updates.ts';

const bundleDir = path.dirname(fileURLToPath(import.meta.url));
const platform = process.platform;
const log = openFileLog(app.getPath('logs'));
const logger = log.logger;
logProcessFailures(logger);

// ── before ready ─────────────────────────────────────────────────────────────────────────────────
const sandboxRefusal = unsandboxedStartRefusal({
  isPackaged: app.isPackaged,
  noSandbox: app.commandLine.hasSwitch('no-sandbox'),
  fromAppImage: process.env['APPIMAGE'] !== undefined,
});
if (sandboxRefusal !== null) {
  // The installed app never runs unsandboxed (sandboxGuard.ts).
  failToStart(sandboxRefusal, logger);
} else {
  registerAppScheme();
  // Every renderer sandboxed, whatever a future window forgets to say (checklist item 4).
  app.enableSandbox();
  // The first instance shows its popover (second-instance); a second one has nothing to do.
  if (app.requestSingleInstanceLock()) start();
  else app.quit();
}

function start(): void {
  if (platform === 'win32') app.setAppUserModelId(APP_ID);
  const running: Running = { popover: null, engine: null, online: null, tray: null, updates: null, demo: new DemoRunner(logger) };
  installWebContentsGuards(app, openLink, logger);
  wireAppLifecycle(running, logger);
  app
    .whenReady()
    .then(() => onReady(running))
    .catch((error: unknown) => failToStart(startupFailureMessage(error, log.folder), logger));
}

function openLink(url: string): void {
  inBackground('opening the browser', openInBrowser(url, logger), logger);
}

// ── after ready ──────────────────────────────────────────────────────────────────────────────────
async function onReady(running: Running): Promise<void> {
  setUpSession(platform, bundleDir);
  const { store, problem: storeProblem } = createStore(app.getPath('userData'), logger);
  const secrets = createSecretStore(store, platform, logger);

  let keepOpen = false;
  const popover = createPopover({ bundleDir, platform, keepOpen: () => keepOpen, trayBounds: () => running.tray?.bounds() ?? null, logger });
  running.popover = popover;
  const updates = createUpdates(platform, logger, () => {
    tray.refresh();
    running.engine?.setBuild(buildInfoNow(updates));
  });
  running.updates = updates;
  const tray = createTray({ platform, popover, engine: () => running.engine, openLink, logFolder: log.folder, updates, logger });
  running.tray = tray;
  const notifier = createNotifier({ platform, show: (view) => popover.show(view), openLink, engine: () => running.engine, logger });
  const engine = createEngine({ store, storeProblem, secrets, notifier, tray, logger });
  running.engine = engine;
  engine.setBuild(buildInfoNow(updates));
  notifier.start();

  const shortcut = new ShortcutBinding(globalShortcutRegistrar, () => popover.toggle());
  registerIpc({ engine, popover, demo: running.demo, shortcut, logger });
  const applySettings = settingsApplier({ engine, shortcut, platform, logger });
  engine.subscribe((snapshot) => {
    popover.send('state', snapshot);
    keepOpen = snapshot.settings.keepOpen;
    applySettings(snapshot.settings);
    if (!snapshot.demo) inBackground('stopping the demo', running.demo.stop(), logger);
  });
  running.online = watchSystemState(engine);

  tray.create(engine.trayState());
  popover.create();
  await engine.start();
  running.online.start();
  inBackground('checking for updates', updates.start(), logger);
  keepOpen = engine.getState().settings.keepOpen;
  applySettings(engine.getState().settings);
  showOnFirstLaunch(engine.getState(), popover);
  logger.info('ready', { platform, packaged: app.isPackaged });
}
