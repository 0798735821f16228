/**
 * `npm run bench`: measures what the product promises and writes docs/BENCHMARKS.md, every number
 * in it from this run. A benchmark, not a test: it asserts nothing; it prints each figure next to
 * its target, as median (min–max) over the runs where there is more than one.
 */
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import { CYCLE_MS } from '../src-main/core/app/NotificationOutbox.ts';
import { TERMINAL_FACTOR } from '../src-main/core/tasks/TaskMonitor.ts';
import { measurePollCpu } from './cpu.ts';
import { measureIdleWrites } from './idleWrites.ts';
import { measureLatency, SPEED, type LatencyRow } from './latency.ts';
import { measureRenderer } from './renderer.ts';
import { fmtOpen, measureTableOpen, tableOpenLabels, TABLE_OPEN_TARGET_MS } from './renderer-table.ts';
import { measureStateLoad } from './stateLoad.ts';
import { fmt, fmtSpread, spread, type Spread } from './stats.ts';
import { measureWakeUps } from './wakeups.ts';

const started = Date.now();
const loadAtStart = loadavg()[0]!;
const INTERVAL_MS = 30_000;

/** One row of the targets table. */
interface Row {
  measure: string;
  result: string;
  target: string;
  met: boolean;
}
const rows: Row[] = [];
const row = (measure: string, result: string, target: string, met: boolean) => rows.push({ measure, result, target, met });
const s = (spreadOf: Spread, digits = 2, unit = '') => `${fmtSpread(spreadOf, digits)}${unit}`;

console.log(`Detection latency at ${SPEED}× real time (about three minutes)…`);
const latency: LatencyRow[] = [];
for (const [tasks, minutes] of [[10, 30], [100, 60], [1000, 120]] as const) {
  latency.push(...(await measureLatency(tasks, minutes)));
  console.log(`  ${tasks} tasks done`);
}
console.log('CPU per poll, wake-ups, idle writes, state load, heap…');
const cpu = await measurePollCpu();
const wake = await measureWakeUps();
const idle = await measureIdleWrites();
const load = await measureStateLoad();
const heapOf = (arg: string) =>
  JSON.parse(execFileSync(process.execPath, ['--expose-gc', join(import.meta.dirname, 'heap.ts'), arg], { encoding: 'utf8' })) as Record<string, number>;
const heap1k = spread([1, 2, 3].map(() => heapOf('1000')['heapMB']!));
// The engine pins at most MAX_PINS (1,000) tasks; asked for 10,000, heap.ts loads that many and says so.
const asked10k = heapOf('10000');
const pinCap = asked10k['tasks']!;
// 10,000 by a straight line through 500 and 1,000 tasks: per task, the slope between them; the
// engine's fixed part (its code, the client, the caches) counted once, not ten times.
const heap500 = spread([1, 2, 3].map(() => heapOf('500')['heapMB']!));
const perTaskKB = ((heap1k.median - heap500.median) / 500) * 1024;
const heap10kEstimate = heap1k.median + (9_000 * perTaskKB) / 1024;
const heap10kTimesTen = heap1k.median * 10;
const memo = heapOf('memo');
console.log('Renderer in Chromium…');
const renderer = await measureRenderer(5);
const tableOpen = await measureTableOpen(5);

// ── latency ─────────────────────────────────────────────────────────────────────────────────────
const pick = (tasks: number, who: 'engine' | 'naive') => latency.find((r) => r.tasks === tasks && r.poller === who)!;
const ratio = (tasks: number) => pick(tasks, 'engine').p50 / pick(tasks, 'naive').p50;
/**
 * The least p50 any poller could reach on this workload with the engine's request count: changes
 * fall on running tasks evenly and at random times, so with R requests a minute spread over n
 * running tasks at most x·R/n of the changes are seen within x minutes, whatever the schedule;
 * p50 ≥ n/(2R) minutes = n/R intervals, plus the notification cycle the engine waits for.
 */
const floor = (tasks: number) => {
  const engine = pick(tasks, 'engine');
  const p50 = engine.running / engine.requestsPerMinute + CYCLE_MS / INTERVAL_MS;
  return { p50, ratio: p50 / pick(tasks, 'naive').p50 };
};
const engineRows = latency.filter((r) => r.poller === 'engine');
const overBudget = engineRows.reduce((n, r) => n + Math.max(0, r.maxSentInAnyMinute - r.budgetPerMinute), 0);
const rateLimited = engineRows.reduce((n, r) => n + r.rateLimited, 0);

for (const tasks of [100, 1000]) {
  row(`p50 detection latency, engine ÷ naive, ${tasks.toLocaleString('en')} tasks (floor for this workload: ${fmt(floor(tasks).ratio)})`, fmt(ratio(tasks)), '≤ 0.35', ratio(tasks) <= 0.35);
}
row('requests over budget (any minute, all sizes)', String(overBudget), '0', overBudget === 0);
row('429s received by the engine', String(rateLimited), '0', rateLimited === 0);
row(`unchanged poll ÷ reading its body, 200 variables (${Math.round(cpu.bodyBytes / 1024)} KB)`, s(cpu.unchangedRatio), '≤ 1.2', cpu.unchangedRatio.median <= 1.2);
row('changed poll ÷ reading + JSON.parse, 200 variables', s(cpu.changedRatio), '≤ 1.5', cpu.changedRatio.median <= 1.5);
row(`timer wake-ups per idle minute per task, ${wake.tasks} pinned`, s(wake.perTaskMinute, 3), '≤ 2', wake.perTaskMinute.max <= 2);
row('timer wake-ups in 10 idle minutes, nothing pinned / no key', `${wake.nothingPinned} / ${wake.noKey}`, '0', wake.nothingPinned + wake.noKey === 0);
row(`bytes written per idle poll cycle (100 tasks, ${idle.cycles} cycles)`, String(idle.bytesPerCycle), '0', idle.bytesPerCycle === 0);
row('render 500 tasks in Chromium (a page that has rendered before)', s(renderer.render500Ms, 1, ' ms'), '≤ 30 ms', renderer.render500Ms.median <= 30);
row('render 5,000 tasks in Chromium (a page that has rendered before)', s(renderer.render5000Ms, 1, ' ms'), '≤ 50 ms', renderer.render5000Ms.median <= 50);
row('render 5,000 ÷ render 500, side by side', s(renderer.renderRatio), '–', true);
row('first render of 500 tasks on a fresh page (its code still cold: once per window)', s(renderer.firstRender500Ms, 1, ' ms'), '≤ 30 ms', renderer.firstRender500Ms.median <= 30);
row('first render of 5,000 tasks on a fresh page (the same)', s(renderer.firstRender5000Ms, 1, ' ms'), '≤ 50 ms', renderer.firstRender5000Ms.median <= 50);
row('popover shown → list painted, 500 tasks', s(renderer.shownToPainted500Ms, 1, ' ms'), '≤ 50 ms', renderer.shownToPainted500Ms.median <= 50);
const openLabels = tableOpenLabels(tableOpen);
row(openLabels.largest, fmtOpen(tableOpen.largestMs), `≤ ${TABLE_OPEN_TARGET_MS} ms`, tableOpen.largestMs.first.median <= TABLE_OPEN_TARGET_MS);
row(openLabels.hostile, fmtOpen(tableOpen.hostileMs), `≤ ${TABLE_OPEN_TARGET_MS} ms`, tableOpen.hostileMs.first.median <= TABLE_OPEN_TARGET_MS);
row('renderer JS heap, 500 tasks', s(renderer.heap500MB, 1, ' MB'), '–', true);
row('renderer JS heap, 5,000 tasks', s(renderer.heap5000MB, 1, ' MB'), '≤ 30 MB', renderer.heap5000MB.median <= 30);
row('engine heap, 1,000 tasks (JS heap + ArrayBuffers, every answer remembered)', s(heap1k, 1, ' MB'), '–', true);
row(`engine heap, 500 tasks (the same)`, s(heap500, 1, ' MB'), '–', true);
row(
  `engine heap, 10,000 tasks: **an estimate**, not a measure (pins stop at ${pinCap.toLocaleString('en')}): the 1,000-task median + 9,000 × ${fmt(perTaskKB, 1)} KB a task (the slope from 500 to 1,000); 1,000 × 10 would count the fixed ${fmt(heap1k.median - perTaskKB * 1000 / 1024, 1)} MB ten times: ${fmt(heap10kTimesTen, 0)} MB`,
  `≈ ${fmt(heap10kEstimate, 1)} MB`,
  '≤ 100 MB',
  heap10kEstimate <= 100,
);
row(`remembered answers (bytes of the 40 % running, a digest of the finished), 1,000 tasks`, `${fmt(memo['memoMB']!, 2)} MB (${Math.round(memo['bytesPerTask']!)} B a task, answers of ${(memo['answerBytes']! / 1024).toFixed(1)} KB)`, '–', true);
row(`state load at start, 1,000 tasks (${Math.round(load.fileKB)} KB file)`, s(load.ms, 1, ' ms'), '–', true);
row('renderer JS + CSS, gzip', `${fmt(renderer.gzipKB, 1)} KB`, '≤ 60 KB', renderer.gzipKB <= 60);

const targets = [
  '| measure | result | target | |',
  '|---|---:|---:|---|',
  ...rows.map((r) => `| ${r.measure} | ${r.result} | ${r.target} | ${r.target === '–' ? '' : r.met ? 'met' : 'MISSED'} |`),
];
const latencyTable = [
  '| pinned (running) | poller | changes (detected) | p50 | p95 | requests/min | most sent in a minute | budget/min | 429s |',
  '|---:|---|---:|---:|---:|---:|---:|---:|---:|',
  ...latency.map(
    (r) =>
      `| ${r.tasks} (${r.running}) | ${r.poller} | ${r.changes} (${r.detected}) | ${fmt(r.p50)} | ${fmt(r.p95)} | ${fmt(r.requestsPerMinute, 1)} | ${r.maxSentInAnyMinute} | ${r.budgetPerMinute} | ${r.rateLimited} |`,
  ),
];

const seconds = Math.round((Date.now() - started) / 1000);
const loadAtEnd = loadavg()[0]!;
const cores = cpus().length;
const machine = `${cores} × ${cpus()[0]?.model ?? 'unknown CPU'}; Node ${process.version}; Chromium ${renderer.chromium}`;
// Only the start says whether other work was running: by the end the bench's own Chromium and Node fill both cores.
const loaded = loadAtStart > cores;
const f100 = floor(100);
const f1000 = floor(1000);
const doc = `# Benchmarks

Written by \`npm run bench\` (bench/run.ts) on ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC; the run took ${seconds} s.
Machine: ${machine}. Load average (1 min) ${fmt(loadAtStart, 1)} at the start and ${fmt(loadAtEnd, 1)} at the end (the bench's own work included)${loaded ? `; at the start more than its ${cores} cores: **the machine was loaded** (other work was running), so CPU and Chromium timings read high and spread wide` : ''}.
Each figure is the median, with (min–max) over the runs where there are several: ${cpu.unchangedRatio.runs} rounds for CPU, ${wake.perTaskMinute.runs} for wake-ups, ${renderer.render500Ms.runs} for the renderer, ${load.ms.runs} for the state load, ${heap1k.runs} for the engine heap at 500 and at 1,000; latency is one run per size (p50 and p95 over its changes).

## Targets

${targets.join('\n')}

How each is measured: CPU in bench/cpu.ts (the client and the recorder on a prepared Response,
each kind alternating in short blocks in every round; "reading its body" is the same fetch read to
the end with the client's stream reader); wake-ups in bench/wakeups.ts (a fake clock counting every
timer that fires, real HTTP to the simulator, 40 running and 60 finished tasks); the renderer in
bench/renderer.ts (its header defines "rendered", "shown" and "painted"; the sizes alternate on
one page after three warm-up rounds, bench/renderWarm.ts, and each first render is on a fresh page),
opening a task with the largest table in bench/renderer-table.ts (from the click on its row to the
table painted; "first" on a fresh page, "again" after going back to the list; met or missed by the
first); the engine heap in bench/heap.ts (the JS heap and the ArrayBuffers beside it, after every
task was polled once, each in its own process after a full GC); the
state load in bench/stateLoad.ts (\`start()\` on the real file store, no key).

## Detection latency

Latency is the time from a change on the server to the user being told (the engine: the
notification; the naive poller: the request that sees it), in units of the poll interval (30 s).
Key: 120 requests a minute; the engine uses its default share, 50 %. 60 % of the pinned tasks are
finished (completed, cancelled, archived); the running ones get a new assignee at random times.
The naive poller goes round every task in turn and is held to exactly as many requests as the
engine has sent, and to no more in any minute than the engine's budget (the engine's own rule;
held only to the total, it used to catch up in bursts past the server's limit, and the 429s it got
flattered the engine), so the two spend the same budget the same way. Both run at once, ${SPEED}× faster than real
time, each against its own simulator, with real HTTP on 127.0.0.1.

${latencyTable.join('\n')}

"Most sent in a minute" counts each request when it is handed to fetch, by the sender's clock. The
budget counts it when it decides to send it, with a 1 s margin for the time between (its 61 s
window); at ${SPEED}× a pause of 10 real ms uses that margin up, which is why the bench runs no faster. The
simulator counts by arrival; at ${SPEED}× speed a few real milliseconds of event-loop lag become
seconds, so its count can read a few above the budget (${engineRows.map((r) => r.maxReceivedInAnyMinute).join(', ')} for the engine) while the server, whose
limit is twice the budget, answered no 429.

Why ≤ 0.35 is out of reach on this workload: the changes fall on the running tasks evenly and at
random times, so no schedule can know which task to look at next. With R requests a minute spread
over n running tasks, at most x·R/n of the changes can be seen within x minutes, whatever the
order or phase of the polls: the p50 cannot be below n/R intervals, plus the ${CYCLE_MS / 1000} s cycle in which the
engine gathers changes into one notification. With this run's request rates that floor is
${fmt(f100.p50)} intervals at 100 tasks and ${fmt(f1000.p50)} at 1,000, a ratio to the naive poller of
${fmt(f100.ratio)} and ${fmt(f1000.ratio)}: about the share of running tasks (${Math.round((100 * pick(100, 'engine').running) / 100)} % at 100), since the naive poller spreads the
same requests over all of them. The engine already gives nearly its whole budget to the running
tasks (finished ones are polled ${TERMINAL_FACTOR} times less often) and spreads each task's polls at one
interval, so it sits at that floor; a lower ratio needs a workload where some tasks are known to
change more than others, or fewer finished tasks to skip.
`;
writeFileSync(join(import.meta.dirname, '../docs/BENCHMARKS.md'), doc);
console.log(`\n${targets.join('\n')}\n\n${latencyTable.join('\n')}\n\nWritten to docs/BENCHMARKS.md (${seconds} s)`);
(await import('./parser.ts')).printHostileInput();
