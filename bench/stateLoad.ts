/**
 * State load time at start with 1,000 tasks persisted: a state file written by the real file store
 * (each task with 20 variables and 4 step runs, and a full activity history), then, per run, a new
 * JsonFileStore and AppService on it, timed from `start()` until it returns with every task in its
 * snapshot (no key, so no request waits). `node bench/stateLoad.ts` prints the numbers.
 */
import { mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ACTIVITY_CAP } from '../src-main/core/app/Activity.ts';
import { AppService } from '../src-main/core/app/AppService.ts';
import { emptyState } from '../src-main/core/app/loadPersistedState.ts';
import { realClock } from '../src-main/core/app/realClock.ts';
import { DEFAULT_SETTINGS } from '../src-main/core/app/Settings.ts';
import { JsonFileStore } from '../src-main/node/store/JsonFileStore.ts';
import { MemorySecretStore } from '../src-main/node/store/MemorySecretStore.ts';
import { heapTask } from './tasks.ts';
import { fmtSpread, spread, type Spread } from './stats.ts';

export async function measureStateLoad(tasks = 1000, runs = 7): Promise<{ tasks: number; fileKB: number; ms: Spread }> {
  const dir = await mkdtemp(join(tmpdir(), 'chamelio-bench-'));
  const path = join(dir, 'state.json');
  try {
    await new JsonFileStore(path).save({
      ...emptyState(),
      settings: { ...DEFAULT_SETTINGS, apiBaseUrl: 'http://127.0.0.1:9' },
      pinned: Array.from({ length: tasks }, (_, i) => ({ id: i + 1, pinnedAt: 0, snapshot: heapTask(i + 1), unseen: i % 7 === 0, unavailable: false })),
      activity: Array.from({ length: ACTIVITY_CAP }, (_, i) => ({ id: `a${i}`, at: i, taskId: (i % tasks) + 1, taskTitle: `Task ${i}`, kind: 'status' as const, text: 'In progress → Completed', assignedToYou: false })),
    });
    const { size } = await stat(path);
    const times: number[] = [];
    for (let r = 0; r < runs + 1; r++) {
      const store = new JsonFileStore(path);
      const app = new AppService({
        clock: realClock,
        fetch: () => new Promise<Response>(() => {}),
        persistence: store,
        secrets: new MemorySecretStore(null),
        notifier: { show() {} },
        logger: { info() {}, warn() {}, error() {} },
      });
      const t0 = performance.now();
      await app.start();
      const ms = performance.now() - t0;
      if (app.getState().tasks.length !== tasks) throw new Error('not every task was loaded');
      await app.stop();
      if (r > 0) times.push(ms); // the first run warms up the JIT and the file cache
    }
    return { tasks, fileKB: size / 1024, ms: spread(times) };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

if (import.meta.main) {
  const n = await measureStateLoad();
  console.log(`state load at start, ${n.tasks} tasks (${Math.round(n.fileKB)} KB file): ${fmtSpread(n.ms, 1)} ms`);
}
