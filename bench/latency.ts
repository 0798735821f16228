/**
 * Detection latency: how long after a task changes on the server the app tells the user, in units
 * of the poll interval, for the real engine (AppService + TaskMonitor) and, side by side on its own
 * simulator with the same tasks and the same changes, a naive poller that spends exactly as many
 * requests going round every task in turn, within the same budget per minute. Time runs SPEED
 * times faster than real time on both sides (scaled timers), so a two-hour run takes 72 s; all
 * HTTP is real.
 */
import { AppService } from '../src-main/core/app/AppService.ts';
import { emptyState } from '../src-main/core/app/loadPersistedState.ts';
import { DEFAULT_SETTINGS } from '../src-main/core/app/Settings.ts';
import type { Clock, Persistence } from '../src-main/core/app/ports.ts';
import { ChamelioClient } from '../src-main/core/chamelio/ChamelioClient.ts';
import type { Task } from '../src-main/core/chamelio/Task.ts';
import { ChamelioSimulator } from '../src-main/node/simulator/ChamelioSimulator.ts';
import { maxInAnyWindow } from '../src-main/node/simulator/SlidingWindowLimiter.ts';
import { MemorySecretStore } from '../src-main/node/store/MemorySecretStore.ts';

/**
 * 100, not 200: the budget counts a request when it decides to send it, with a 1 s margin (the
 * 61 s window) for the time until it is sent. Instrumented at 200×, the engine's own count never
 * passed its budget, but the 1,000-task run took up to 4.6 real ms from that decision to the send
 * (913 ms scaled; a garbage collection in between on this 2-core machine), and one run in three read
 * 61 or 62 in a minute by the time of sending. At 100× the same pause reads as under half the margin.
 */
export const SPEED = 100;
const INTERVAL_MS = 30_000;
const FINISHED = ['completed', 'cancelled', 'archived'] as const;

/** Real timers, with time running SPEED times faster. */
class ScaledClock implements Clock {
  private readonly start = Date.now();
  private readonly origin = performance.now();
  now(): number {
    return this.start + (performance.now() - this.origin) * SPEED;
  }
  setTimeout(callback: () => void, ms: number): unknown {
    return setTimeout(callback, ms / SPEED);
  }
  clearTimeout(handle: unknown): void {
    clearTimeout(handle as NodeJS.Timeout);
  }
}

/** A seeded generator, so both pollers see the same tasks and the same changes. */
function seeded(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function task(id: number, status: string, now: number): Task {
  const at = new Date(now).toISOString();
  return {
    task_id: id, task_url: `https://app.chamelio.ai/workflows/tasks/${id}`, task_title: `Contract review ${id}`,
    workflow_id: 'contract_review', workflow_name: 'Contract Review', workflow_version: 3, workflow_state_id: `ws_${id}`,
    status, current_step_id: status === 'in_progress' ? 'legal_review' : null, current_step_name: status === 'in_progress' ? 'Legal review' : null,
    current_step_type: status === 'in_progress' ? 'review' : null, created_at: at, updated_at: at, completed_at: null,
    owner_email: 'owner@example.com', assignee_email: 'counsel@example.com', collaborator_emails: [], step_runs: [], variables: [],
  };
}

export interface LatencyRow {
  tasks: number;
  /** Pinned tasks still running: the only ones that change. */
  running: number;
  poller: 'engine' | 'naive';
  changes: number;
  detected: number;
  p50: number;
  p95: number;
  requestsPerMinute: number;
  /** Most requests this poller sent in any minute, by its own clock (what its budget counts). */
  maxSentInAnyMinute: number;
  /** Most requests the server received in any minute; at SPEED times real time, event-loop lag of a few real milliseconds shows here as seconds. */
  maxReceivedInAnyMinute: number;
  budgetPerMinute: number;
  rateLimited: number;
}

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))]!;
}

type Poller = 'engine' | 'naive';

/** Per poller: the times each task changed that nobody noticed yet, and how late each was noticed. */
class Detections {
  private readonly pending = { engine: new Map<number, number[]>(), naive: new Map<number, number[]>() };
  readonly latencies = { engine: [] as number[], naive: [] as number[] };
  readonly sent = { engine: [] as number[], naive: [] as number[] };
  private readonly clock: Clock;
  constructor(clock: Clock) {
    this.clock = clock;
  }
  changed(who: Poller, id: number): void {
    this.pending[who].set(id, [...(this.pending[who].get(id) ?? []), this.clock.now()]);
  }
  detect(who: Poller, id: number): void {
    const times = this.pending[who].get(id);
    if (!times) return;
    for (const at of times) this.latencies[who].push((this.clock.now() - at) / INTERVAL_MS);
    this.pending[who].delete(id);
  }
}

/** One size: both pollers, the same tasks, the same change schedule, at once. */
export async function measureLatency(taskCount: number, durationMinutes: number): Promise<LatencyRow[]> {
  const clock = new ScaledClock();
  const random = seeded(taskCount);
  const statuses = Array.from({ length: taskCount }, (_, i) => (random() < 0.6 ? FINISHED[i % 3]! : 'in_progress'));
  const engineSim = await ChamelioSimulator.start({ port: 0, now: () => clock.now(), rateLimitPerMinute: 120 });
  const naiveSim = await ChamelioSimulator.start({ port: 0, now: () => clock.now(), rateLimitPerMinute: 120 });
  const ids = statuses.map((_, i) => i + 1);
  for (const sim of [engineSim, naiveSim]) for (const id of ids) sim.setTask(task(id, statuses[id - 1]!, clock.now()));

  const detections = new Detections(clock);
  const app = await startEngine(clock, engineSim, ids, detections);
  const startedAt = clock.now();
  const engineRequests = () => engineSim.stats().requests.filter((r) => r.route === 'tasks' && r.at >= startedAt).length;
  const naive = startNaivePoller(clock, naiveSim, ids, detections, { allowance: engineRequests, budgetPerMinute: app.requestStats().budgetPerMinute });

  const active = ids.filter((id) => statuses[id - 1] === 'in_progress');
  const endAt = startedAt + durationMinutes * 60_000;
  const changeCount = await changeAssignees({ clock, random, sims: { engine: engineSim, naive: naiveSim }, active, taskCount, startedAt, endAt, detections });
  await new Promise((r) => setTimeout(r, Math.max(0, (endAt - clock.now()) / SPEED)));
  const minutes = (clock.now() - startedAt) / 60_000;
  await naive.stop();
  await app.stop();
  const budget = app.requestStats().budgetPerMinute;
  const row = (who: Poller, sim: ChamelioSimulator): LatencyRow => {
    const stats = sim.stats();
    const sorted = [...detections.latencies[who]].sort((a, b) => a - b);
    return {
      tasks: taskCount, running: active.length, poller: who, changes: changeCount, detected: sorted.length,
      p50: percentile(sorted, 0.5), p95: percentile(sorted, 0.95),
      requestsPerMinute: stats.requests.filter((r) => r.at >= startedAt).length / minutes,
      maxSentInAnyMinute: maxInAnyWindow(detections.sent[who], 60_000), maxReceivedInAnyMinute: sim.maxRequestsInAnyMinute(),
      budgetPerMinute: budget, rateLimited: stats.rateLimited,
    };
  };
  const rows = [row('engine', engineSim), row('naive', naiveSim)];
  await engineSim.close();
  await naiveSim.close();
  return rows;
}

/** The real engine, every task pinned; a notification about a task is its detection. */
async function startEngine(clock: Clock, sim: ChamelioSimulator, ids: number[], detections: Detections): Promise<AppService> {
  const persistence: Persistence = { load: async () => ({ ...emptyState(), settings: { ...DEFAULT_SETTINGS, apiBaseUrl: sim.url } }), save: async () => {} };
  const app = new AppService({
    clock,
    fetch: (url, init) => {
      detections.sent.engine.push(clock.now());
      return fetch(url, init);
    }, persistence, secrets: new MemorySecretStore(sim.apiKey),
    notifier: { show: (n) => n.taskIds.forEach((id) => detections.detect('engine', id)) },
    logger: { info() {}, warn() {}, error() {} },
  });
  await app.start();
  await app.pin(ids.join(' '));
  return app;
}

/**
 * The naive poller: round-robin over every task, never more requests than the engine has sent, and
 * never more in any minute than the engine's budget, the rule the engine keeps too: held only to
 * the total, it fell behind and caught up in bursts over the server's limit, and the 429s it then
 * got flattered the engine.
 */
function startNaivePoller(
  clock: Clock,
  sim: ChamelioSimulator,
  ids: number[],
  detections: Detections,
  limits: { allowance: () => number; budgetPerMinute: number },
): { stop(): Promise<void> } {
  const sentAt: number[] = [];
  const withinBudget = (): boolean => {
    while (sentAt.length > 0 && sentAt[0]! <= clock.now() - 60_000) sentAt.shift();
    return sentAt.length < limits.budgetPerMinute;
  };
  const client = new ChamelioClient({ fetch: (u, i) => (detections.sent.naive.push(clock.now()), fetch(u, i)), baseUrl: sim.url, getApiKey: () => sim.apiKey, now: () => clock.now() });
  const lastSeen = new Map<number, string | null>();
  let naiveSent = 0;
  let running = true;
  const check = async (id: number): Promise<void> => {
    const result = await client.getTask(id);
    if (!result.ok) return;
    const seen = lastSeen.get(id);
    if (seen !== undefined && seen !== result.value.assignee_email) detections.detect('naive', id);
    lastSeen.set(id, result.value.assignee_email);
  };
  // Requests are not waited for one by one, so a slow answer (real HTTP at SPEED times) never keeps it below its allowance.
  const inFlight = new Set<Promise<void>>();
  const loop = (async () => {
    for (let i = 0; running; i = (i + 1) % ids.length) {
      while (running && (naiveSent >= limits.allowance() || !withinBudget())) await new Promise((r) => setTimeout(r, 1));
      if (!running) break;
      sentAt.push(clock.now());
      naiveSent++;
      const request: Promise<void> = check(ids[i]!).finally(() => inFlight.delete(request));
      inFlight.add(request);
    }
  })();
  return {
    async stop() {
      running = false;
      await loop;
      await Promise.all(inFlight);
    },
  };
}

interface ChangePlan {
  clock: Clock;
  random: () => number;
  sims: Record<Poller, ChamelioSimulator>;
  active: number[];
  taskCount: number;
  startedAt: number;
  endAt: number;
  detections: Detections;
}

/**
 * Changes: running tasks get a new assignee at random times (a new one each time, so no change
 * can hide another); the first sweep is left alone so both pollers have a baseline. Returns how many.
 */
async function changeAssignees({ clock, random, sims, active, taskCount, startedAt, endAt, detections }: ChangePlan): Promise<number> {
  const warmupMs = Math.min(taskCount, 60) * 1000 + 2 * INTERVAL_MS * Math.max(1, taskCount / 60);
  const changeCount = Math.max(20, Math.min(400, active.length * 3));
  const changeTimes = Array.from({ length: changeCount }, () => startedAt + warmupMs + random() * (endAt - startedAt - warmupMs - 10 * INTERVAL_MS)).sort((a, b) => a - b);
  let k = 0;
  for (const at of changeTimes) {
    await new Promise((r) => setTimeout(r, Math.max(0, (at - clock.now()) / SPEED)));
    const id = active[Math.floor(random() * active.length)]!;
    const email = `person${k++}@example.com`;
    for (const who of ['engine', 'naive'] as const) {
      sims[who].updateTask(id, { assignee_email: email });
      detections.changed(who, id);
    }
  }
  return changeCount;
}
