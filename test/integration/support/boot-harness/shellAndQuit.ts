/** Updates, Troubleshooting, the shell integration, crash reloads, closing and quitting, and the log file. */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { type BootContext, TEST_KEY } from './context.ts';

export async function checkShellAndQuit(c: BootContext): Promise<void> {
  const { s, platform, scenario, userData, report, errors, updaterStandInUrl, waitFor, win, handler, fromPage, outcome, trayMenuNow, lastState } = c;
  // ── updates: checked at launch where the package can update itself; "Restart to update" once downloaded
  {
    const updater = ((await import(updaterStandInUrl)) as typeof import('../electron-updater-stand-in.ts')).autoUpdater;
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
}
