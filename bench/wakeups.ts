/**
 * The engine's timer wake-ups while idle: 100 pinned tasks (40 running, 60 finished, as in the
 * latency benchmark) against the simulator over real HTTP, on a fake clock that counts every timer
 * that fires. After a five-minute baseline, ten minutes in which nothing changes; also ten minutes
 * with nothing pinned, and ten with tasks pinned but no key (nothing is due in either).
 * `node bench/wakeups.ts` prints the numbers.
 */
import { startHarness } from '../test/support/harness.ts';
import { makeTask } from '../test/support/makeTask.ts';
import { spread, fmtSpread, type Spread } from './stats.ts';

const MINUTE = 60_000;

interface WakeUps {
  tasks: number;
  /** Timer wake-ups per idle minute per pinned task, per run. */
  perTaskMinute: Spread;
  /** Requests per idle minute per pinned task (each needs a wake-up, or shares one). */
  pollsPerTaskMinute: Spread;
  /** Wake-ups in ten minutes with nothing pinned, and with tasks but no key. */
  nothingPinned: number;
  noKey: number;
}

function seeded(seed: number): () => number {
  let s = seed >>> 0;
  return () => ((s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 4294967296);
}

async function idleRun(tasks: number, seed: number): Promise<{ wakeUps: number; polls: number }> {
  const h = await startHarness({ deps: { random: seeded(seed) } });
  try {
    const ids = Array.from({ length: tasks }, (_, i) => i + 1);
    for (const id of ids) h.simulator.setTask(makeTask({ task_id: id, status: id % 10 < 6 ? 'completed' : 'in_progress' }));
    await h.app.pin(ids.join(' '));
    await h.run(5 * MINUTE);
    const fired = h.clock.fired;
    const requests = h.simulator.stats().requests.length;
    await h.run(10 * MINUTE);
    return { wakeUps: (h.clock.fired - fired) / 10 / tasks, polls: (h.simulator.stats().requests.length - requests) / 10 / tasks };
  } finally {
    await h.close();
  }
}

async function nothingDue(): Promise<{ nothingPinned: number; noKey: number }> {
  const h = await startHarness();
  try {
    await h.run(MINUTE);
    let fired = h.clock.fired;
    await h.run(10 * MINUTE);
    const nothingPinned = h.clock.fired - fired;
    h.simulator.setTask(makeTask({ task_id: 1 }));
    await h.app.pin('1');
    await h.run(MINUTE);
    await h.app.clearApiKey();
    await h.run(MINUTE);
    fired = h.clock.fired;
    await h.run(10 * MINUTE);
    return { nothingPinned, noKey: h.clock.fired - fired };
  } finally {
    await h.close();
  }
}

export async function measureWakeUps(tasks = 100, runs = 3): Promise<WakeUps> {
  const rows = [];
  for (let r = 0; r < runs; r++) rows.push(await idleRun(tasks, r + 1));
  return {
    tasks,
    perTaskMinute: spread(rows.map((r) => r.wakeUps)),
    pollsPerTaskMinute: spread(rows.map((r) => r.polls)),
    ...(await nothingDue()),
  };
}

if (import.meta.main) {
  const n = await measureWakeUps();
  console.log(`wake-ups per idle minute per task, ${n.tasks} tasks: ${fmtSpread(n.perTaskMinute, 3)} (target ≤ 2); polls ${fmtSpread(n.pollsPerTaskMinute, 3)}`);
  console.log(`wake-ups in 10 minutes with nothing pinned: ${n.nothingPinned}; with no key: ${n.noKey} (target 0)`);
}
