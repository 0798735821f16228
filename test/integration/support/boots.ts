/**
 * The boots behind electron-boot.test.ts: the main and preload bundles built once, then every scenario
 * booted at once in a child Node process by boot-harness.ts, each writing its report. The reports are
 * live bindings, set in the beforeAll that bootEveryScenario() registers.
 */
import { execFile } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll } from 'vitest';
import { layOutPackagedResources } from './packagedResources.ts';

const run = promisify(execFile);
export const root = path.resolve(import.meta.dirname, '../../..');
const harness = path.join(root, 'test/integration/support/boot-harness.ts');

export interface Call {
  api: string;
  afterReady: boolean;
  args: unknown[];
}
export type Report = Record<string, unknown> & { calls: Call[]; errors: string[] };

let work: string;
export let outDir: string;
/** process.resourcesPath of a packaged app, laid out from electron-builder.yml's extraResources. */
export let resources: string;
/** A wrong mapping: resources without the tray folder. */
export let xwaylandResources: string;
/** Linux (X11), packaged: the full walk-through. */
export let primary: Report;
export let secondInstance: Report;
export let windows: Report;
export let mac: Report;
/** Linux, unpackaged, with ELECTRON_RENDERER_URL set as electron-vite's dev command would. */
export let unpackaged: Report;
/** Linux in a Wayland session: natively, and on XWayland with --ozone-platform=x11. */
export let wayland: Report;
export let xwayland: Report;
/** The packaged AppImage, started with --no-sandbox as electron-builder's AppRun does on Ubuntu >= 24.04. */
export let unsandboxed: Report;
/** Linux without a keyring: safeStorage's backend is basic_text. */
export let noKeyring: Report;

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

/** Registers the build and the boots (beforeAll) and the clean-up (afterAll) in the calling test file. */
export function bootEveryScenario(): void {
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
}

export const firstIndex = (report: Report, api: string): number => report.calls.findIndex((c) => c.api === api);
export const callsTo = (report: Report, api: string): Call[] => report.calls.filter((c) => c.api === api);

export const logged = (report: Report, pattern: RegExp): string[] => (report['logEntries'] as string[]).filter((line) => pattern.test(line));
