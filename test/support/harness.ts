import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AppService } from '../../src-main/core/app/AppService.ts';
import type { AppServiceDeps } from '../../src-main/core/app/ports.ts';
import { emptyState } from '../../src-main/core/app/loadPersistedState.ts';
import { DEFAULT_SETTINGS } from '../../src-main/core/app/Settings.ts';
import type { Fetch, Logger } from '../../src-main/core/app/ports.ts';
import type { PlannedNotification } from '../../src-main/core/notify/PlannedNotification.ts';
import { ChamelioSimulator } from '../../src-main/node/simulator/ChamelioSimulator.ts';
import { JsonFileStore } from '../../src-main/node/store/JsonFileStore.ts';
import { MemorySecretStore } from '../../src-main/node/store/MemorySecretStore.ts';
import { FakeClock, settle } from './FakeClock.ts';

/**
 * Tracks real I/O (HTTP requests, file writes) so a test can wait until it is done: time is a fake
 * clock, but the HTTP and the disk are real, and they take real (if tiny) time.
 */
export class IoTracker {
  private readonly pending = new Set<Promise<unknown>>();

  track<T>(work: Promise<T>): Promise<T> {
    this.pending.add(work);
    void work.finally(() => this.pending.delete(work)).catch(() => {});
    return work;
  }

  /** Node's fetch, tracked; the body is read inside the tracked part, so "idle" means it has arrived. */
  readonly fetch: Fetch = (url, init) =>
    this.track(
      fetch(url, init).then(async (response) => {
        const body = await response.arrayBuffer();
        return new Response(body, { status: response.status, statusText: response.statusText, headers: response.headers });
      }),
    );

  async idle(): Promise<void> {
    while (this.pending.size > 0) await Promise.allSettled([...this.pending]);
    await settle();
  }
}

export class RecordingLogger implements Logger {
  readonly lines: string[] = [];
  info(message: string, fields?: Record<string, unknown>): void {
    this.lines.push(JSON.stringify({ level: 'info', message, ...fields }));
  }
  warn(message: string, fields?: Record<string, unknown>): void {
    this.lines.push(JSON.stringify({ level: 'warn', message, ...fields }));
  }
  error(message: string, fields?: Record<string, unknown>): void {
    this.lines.push(JSON.stringify({ level: 'error', message, ...fields }));
  }
}

export interface Harness {
  clock: FakeClock;
  simulator: ChamelioSimulator;
  app: AppService;
  store: JsonFileStore;
  secrets: MemorySecretStore;
  notifications: PlannedNotification[];
  logger: RecordingLogger;
  dataDir: string;
  /** Moves fake time forward in small steps, letting real HTTP finish after each. */
  run(ms: number): Promise<void>;
  /** A new AppService on the same data file and key: an app restart. */
  restart(): Promise<void>;
  close(): Promise<void>;
}

export async function startHarness(
  options: { rateLimitPerMinute?: number; withKey?: boolean; deps?: Partial<AppServiceDeps> } = {},
): Promise<Harness> {
  const clock = new FakeClock();
  const simulator = await ChamelioSimulator.start({
    port: 0,
    now: () => clock.now(),
    rateLimitPerMinute: options.rateLimitPerMinute ?? 120,
  });
  const dataDir = await mkdtemp(join(tmpdir(), 'chamelio-test-'));
  const tracked = new IoTracker();
  const notifications: PlannedNotification[] = [];
  const logger = new RecordingLogger();
  const secrets = new MemorySecretStore(options.withKey === false ? null : simulator.apiKey);
  const store = new JsonFileStore(join(dataDir, 'state.json'));
  // The app starts against the simulator, as if a previous run had saved that setting: no request
  // may ever leave this machine.
  await store.save({ ...emptyState(), settings: { ...DEFAULT_SETTINGS, apiBaseUrl: simulator.url } });
  const make = () =>
    new AppService({
      clock,
      fetch: tracked.fetch,
      persistence: {
        load: () => tracked.track(store.load()),
        save: (state) => tracked.track(store.save(state)),
        keepAside: (label) => tracked.track(store.keepAside(label)),
        get problem() { return store.problem; },
      },
      secrets,
      notifier: { show: (n) => notifications.push(n) },
      logger,
      random: () => 0.5,
      requestTimeoutMs: 500,
      ...options.deps,
    });
  const harness: Harness = {
    clock,
    simulator,
    app: make(),
    store,
    secrets,
    notifications,
    logger,
    dataDir,
    async run(ms) {
      const end = clock.now() + ms;
      do {
        await clock.advance(Math.min(250, end - clock.now()));
        await tracked.idle();
      } while (clock.now() < end);
    },
    async restart() {
      await harness.app.stop();
      harness.app = make();
      await harness.app.start();
      await tracked.idle();
    },
    async close() {
      await harness.app.stop();
      await simulator.close();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
  await harness.app.start();
  await tracked.idle();
  return harness;
}
