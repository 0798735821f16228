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
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { checkBoundaries } from './boot-harness/boundaries.ts';
import { bootContext, STATE_CHANNEL, type StandIn } from './boot-harness/context.ts';
import { checkKeyAndPolls } from './boot-harness/keyAndPolls.ts';
import { checkNotifications } from './boot-harness/notifications.ts';
import { checkShellAndQuit } from './boot-harness/shellAndQuit.ts';
import { reportWiring } from './boot-harness/wiring.ts';

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
const s = standIn as StandIn;

const [mainPath, reportPath] = process.argv.slice(2) as [string, string];
const scenario = process.env['BOOT_SCENARIO'] ?? 'primary';
const userData = process.env['BOOT_USER_DATA'] as string;

s.settings.platform = platform;
s.settings.isPackaged = process.env['BOOT_PACKAGED'] !== '0';
s.settings.userData = userData;
s.settings.singleInstanceLock = scenario !== 'second-instance';
s.settings.switches = JSON.parse(process.env['BOOT_SWITCHES'] ?? '{}') as Record<string, string>;
Object.assign(s.settings, JSON.parse(process.env['BOOT_STAND_IN'] ?? '{}') as Partial<typeof s.settings>);
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

const popover = () => s.BrowserWindow.all[0];
await waitFor('the first state pushed to the page', () => (popover()?.webContents.sent ?? []).some((m) => m.channel === STATE_CHANNEL));
await waitFor('the tray', () => s.Tray.all.length > 0);
if (platform !== 'darwin') await waitFor('the tray menu', () => (s.Tray.all[0]?.contextMenuSets ?? 0) > 0);

const c = bootContext({ s, platform, scenario, userData, report, errors, updaterStandInUrl, waitFor });
await reportWiring(c);
await checkBoundaries(c);
await checkKeyAndPolls(c);
await checkNotifications(c);
await checkShellAndQuit(c);
finish();
