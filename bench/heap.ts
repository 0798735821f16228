/**
 * Heap of the engine with N pinned tasks, in its steady state: an AppService loaded from a saved
 * state holding N snapshots (each with 20 variables and 4 step runs), with every task polled once,
 * so the client remembers each answer too (the bytes of a running task's, a digest of a finished one's). The fetch answers from memory (a key whose limit
 * is large enough that the monitor goes through all N at once); nothing is kept of it but what the
 * engine keeps. Also, at 1,000 tasks, what the remembered answers alone cost (`memo`).
 *
 * Each in its own process with --expose-gc so nothing else is counted:
 * `node --expose-gc bench/heap.ts 10000` and `node --expose-gc bench/heap.ts memo` print JSON.
 */
import { AppService } from '../src-main/core/app/AppService.ts';
import { MAX_PINS } from '../src-main/core/app/PinList.ts';
import { emptyState } from '../src-main/core/app/loadPersistedState.ts';
import { realClock } from '../src-main/core/app/realClock.ts';
import { DEFAULT_SETTINGS } from '../src-main/core/app/Settings.ts';
import { ChamelioClient } from '../src-main/core/chamelio/ChamelioClient.ts';
import { MemorySecretStore } from '../src-main/node/store/MemorySecretStore.ts';
import { heapTask } from './tasks.ts';

const gc = (globalThis as { gc?: () => void }).gc;
if (!gc) throw new Error('run with --expose-gc');
/** The JS heap plus the ArrayBuffers outside it (the bytes of remembered answers live there). */
const heapMB = (): number => {
  gc();
  gc();
  const { heapUsed, arrayBuffers } = process.memoryUsage();
  return (heapUsed + arrayBuffers) / 1024 / 1024;
};

const json = (body: unknown) => new Response(JSON.stringify(body), { status: 200, headers: { 'content-type': 'application/json' } });
const ORG = { org_name: 'Bench', rate_limit_per_minute: 10_000_000, entities: [], api_key_id: 1 };

/** A task's answer, made afresh for every request, as a server's would be. */
const answer = (url: string) => (url.endsWith('/users/org-info') ? json(ORG) : json({ task: heapTask(Number(url.split('/').pop())) }));

/**
 * The engine holds at most MAX_PINS tasks (a state with more loads that many): asked for more, this
 * measures MAX_PINS and says so, rather than waiting for polls of tasks that were never loaded.
 */
async function engineHeap(requested: number): Promise<{ requested: number; tasks: number; heapMB: number; polled: number }> {
  const count = Math.min(requested, MAX_PINS);
  const before = heapMB();
  let savedText: string | null = JSON.stringify({
    ...emptyState(),
    settings: { ...DEFAULT_SETTINGS, apiBaseUrl: 'http://127.0.0.1:9' },
    pinned: Array.from({ length: count }, (_, i) => ({ id: i + 1, pinnedAt: 0, snapshot: heapTask(i + 1), unseen: false, unavailable: false })),
  });
  let polled = 0;
  let allPolled: () => void = () => {};
  const done = new Promise<void>((r) => (allPolled = r));
  const app = new AppService({
    clock: realClock,
    fetch: async (url) => {
      if (url.includes('/tasks/') && ++polled === count) setTimeout(allPolled, 200);
      return answer(url);
    },
    persistence: {
      load: async () => {
        const text = savedText!;
        savedText = null; // the file's text is not the engine's memory
        return JSON.parse(text) as unknown;
      },
      save: async () => {},
    },
    secrets: new MemorySecretStore('ca_benchmark_key'),
    notifier: { show() {} },
    logger: { info() {}, warn() {}, error() {} },
  });
  await app.start();
  await done;
  const rows = app.getState().tasks.length;
  const after = heapMB();
  await app.stop();
  return { requested, tasks: rows, heapMB: after - before, polled };
}

/** The remembered answers alone at 1,000 tasks: the heap with them, less the heap without. */
async function memoHeap(count = 1000): Promise<{ tasks: number; memoMB: number; bytesPerTask: number; answerBytes: number }> {
  const client = new ChamelioClient({ fetch: async (url) => answer(url), baseUrl: 'https://bench.example', getApiKey: () => 'ca_benchmark_key', now: () => 0 });
  const values: unknown[] = [];
  for (let id = 1; id <= count; id++) values.push(await client.getTask(id));
  const withMemo = heapMB();
  for (let id = 1; id <= count; id++) client.forgetTask(id);
  const without = heapMB();
  const mb = withMemo - without;
  void values.length; // the values stay alive in both measures: only the memo's own part differs
  return { tasks: count, memoMB: mb, bytesPerTask: (mb * 1024 * 1024) / count, answerBytes: JSON.stringify({ task: heapTask(1) }).length };
}

if (import.meta.main) {
  const arg = process.argv[2] ?? '1000';
  const result = arg === 'memo' ? await memoHeap() : await engineHeap(Number(arg));
  process.stdout.write(JSON.stringify(result) + '\n');
  process.exit(0);
}
