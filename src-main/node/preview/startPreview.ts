/**
 * Composes the browser preview: the real AppService on Node (file store in the data directory,
 * in-memory secret store), the HTTP host, and the simulated API for the demo. What a desktop would
 * show — notifications, opened links, a hidden window — is printed as one JSON line each.
 */
import { existsSync, readFileSync } from 'node:fs';
import { mkdir, mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { AppService } from '../../core/app/AppService.ts';
import type { Clock, Fetch, Logger } from '../../core/app/ports.ts';
import { realClock } from '../../core/app/realClock.ts';
import { ChamelioSimulator } from '../simulator/ChamelioSimulator.ts';
import { DEMO_USER_EMAIL } from '../simulator/demoTasks.ts';
import { JsonFileStore } from '../store/JsonFileStore.ts';
import { MemorySecretStore } from '../store/MemorySecretStore.ts';
import type { PreviewOptions } from './parsePreviewArgs.ts';
import type { CommandHandlers } from '../../contract/bridge.ts';
import { engineCommandHandlers } from '../../contract/engineCommands.ts';
import { PreviewHost } from './PreviewHost.ts';
import { TestClock } from './testClock.ts';
import { nativeSameBytes } from '../nativeSameBytes.ts';

const DEFAULT_RENDERER_DIR = resolve(import.meta.dirname, '../../../out/renderer');
const PACKAGE_JSON = resolve(import.meta.dirname, '../../../package.json');
/** In the demo one simulated task moves on this often, so there is something to watch. */
const DEMO_EVOLVE_MS = 20_000;

interface PreviewIo {
  /** One JSON line per event; the first line of all is the URL, written by the caller. */
  line(text: string): void;
  logger: Logger;
}

export interface RunningPreview {
  url: string;
  dataDir: string;
  app: AppService;
  close(): Promise<void>;
}

const nodeFetch: Fetch = (url, init) => fetch(url, init);

/** Starts everything; `apiKey` is the CHAMELIO_API_KEY the caller read from the environment. */
export async function startPreview(
  options: PreviewOptions,
  io: PreviewIo,
  apiKey: string | null,
  rendererDir: string = DEFAULT_RENDERER_DIR,
): Promise<RunningPreview> {
  if (!existsSync(join(rendererDir, 'index.html'))) {
    throw new Error(`No built UI in ${rendererDir}: run "npx electron-vite build" first (npm run preview does).`);
  }
  const dataDir = options.dataDir ? resolve(options.dataDir) : await mkdtemp(join(tmpdir(), 'chamelio-preview-'));
  await mkdir(dataDir, { recursive: true });

  const testClock = options.testClock ? new TestClock() : null;
  const app = previewApp(dataDir, testClock ?? realClock, io);
  const demo = demoStarter(app);
  const handlers = previewHandlers(app, io, demo.start);

  // The preview is no installed build: its version is the project's, and it never checks for updates.
  app.setBuild({ version: (JSON.parse(readFileSync(PACKAGE_JSON, 'utf8')) as { version: string }).version, updates: { kind: 'off' } });
  await app.start();
  await applyStartOptions(app, options, apiKey, io.logger);
  if (options.demo) await demo.start();

  const host = new PreviewHost({
    advanceClock: testClock ? (ms) => advanceTestClock(testClock, app, ms) : undefined,
    port: options.port, rendererDir, handlers, currentState: () => app.getState(), logger: io.logger });
  const unsubscribe = app.subscribe((snapshot) => host.publish('state', snapshot));
  const url = await host.listen();

  return {
    url,
    dataDir,
    app,
    async close() {
      unsubscribe();
      await host.close();
      await app.stop();
      await demo.close();
    },
  };
}

/** The real engine on Node: a file store in the data directory, keys in memory, notifications printed. */
function previewApp(dataDir: string, clock: Clock, io: PreviewIo): AppService {
  return new AppService({
    clock,
    fetch: nodeFetch,
    sameBytes: nativeSameBytes,
    persistence: new JsonFileStore(join(dataDir, 'state.json')),
    secrets: new MemorySecretStore(),
    notifier: {
      show: (n) =>
        io.line(JSON.stringify({ event: 'notification', kind: n.kind, taskIds: n.taskIds, title: n.title, body: n.body, actions: (n.actions ?? []).map((a) => a.id) })),
    },
    logger: io.logger,
  });
}

/** The demo's simulated API, started on first use and at most once. */
function demoStarter(app: AppService): { start(): Promise<void>; close(): Promise<void> } {
  let simulator: Promise<ChamelioSimulator> | null = null;
  return {
    async start() {
      simulator ??= ChamelioSimulator.start({ port: 0, demo: true, evolveEveryMs: DEMO_EVOLVE_MS });
      const sim = await simulator;
      await app.useDemo({ apiBaseUrl: sim.url, apiKey: sim.apiKey, userEmail: DEMO_USER_EMAIL, taskIds: sim.taskIds() });
    },
    async close() {
      if (simulator) await (await simulator).close();
    },
  };
}

/** The engine's commands, and the desktop's own printed as one JSON line each. */
function previewHandlers(app: AppService, io: PreviewIo, startDemo: () => Promise<void>): CommandHandlers {
  const openExternal = (url: string): void => io.line(JSON.stringify({ event: 'open-external', url }));
  return {
    ...engineCommandHandlers(app),
    openTask: (taskId) => openExternal(app.linkFor(taskId)),
    openChamelio: () => openExternal(app.chamelioHomeUrl()),
    clipboardSuggestion: (text) => app.suggestPins(text ?? ''),
    startDemo,
    hideWindow: () => io.line(JSON.stringify({ event: 'hide-window' })),
    // Printed like any opened link; only a fresh https link from the document endpoint gets here.
    openDocument: (taskId, document) => app.actions.openDocumentWith(taskId, document, openExternal),
  };
}

/** --api-base-url, then CHAMELIO_API_KEY: the key is only ever sent where the user pointed the preview. */
async function applyStartOptions(app: AppService, options: PreviewOptions, apiKey: string | null, logger: Logger): Promise<void> {
  if (options.apiBaseUrl) {
    const set = await app.updateSettings({ apiBaseUrl: options.apiBaseUrl });
    if (!set.ok) throw new Error(`--api-base-url: ${set.message}`);
  }
  if (!apiKey) return;
  // Kept through a check that got no answer (offline, a 5xx): only a 401 or 403 drops it.
  const checked = await app.setApiKey(apiKey, false, true);
  const kept = app.getState().key.isSet;
  if (!checked.ok) logger.warn(kept ? 'CHAMELIO_API_KEY could not be checked yet; it is kept and checked again' : 'CHAMELIO_API_KEY was refused', { reason: checked.reason, detail: checked.message });
}

/** Test affordance: moves the clock on, then has the engine look at its snoozes, as after a sleep. */
function advanceTestClock(clock: TestClock, app: AppService, ms: unknown): boolean {
  if (!clock.advance(ms)) return false;
  app.setSystemState({});
  return true;
}
