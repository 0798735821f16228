/**
 * CPU of one poll of a task with 200 variables, as ratios measured side by side in each round:
 * - an unchanged poll (the client reads the answer and finds it is the last one's; the recorder
 *   sees the same value) ÷ reading the same body alone;
 * - a changed poll (read, parse, validate, compare, diff, record the change) ÷ reading the body +
 *   JSON.parse.
 * "Reading the body" is the same injected fetch handing over the same bytes, read to the end with
 * the stream reader the client uses. No HTTP (a prepared Response): the figures are the engine's
 * own cost. `node bench/cpu.ts` prints them.
 */
import { ChangeRecorder } from '../src-main/core/app/ChangeRecorder.ts';
import type { LivePin } from '../src-main/core/app/LivePin.ts';
import { ChamelioClient } from '../src-main/core/chamelio/ChamelioClient.ts';
import { nativeSameBytes } from '../src-main/node/nativeSameBytes.ts';
import type { Task, TaskVariable } from '../src-main/core/chamelio/Task.ts';
import { cpuMicros, fmtSpread, spread, type Spread } from './stats.ts';

function bigTask(version: number): Task {
  const variables: TaskVariable[] = Array.from({ length: 200 }, (_, i) => ({
    variable_type: ['text', 'number', 'date', 'multi_select', 'number_with_currency'][i % 5]!,
    value: [`Clause ${i}: limitation of liability`, i * 1000, '2026-11-30', ['gdpr', 'ccpa'], { amount: i * 10, currency: 'EUR' }][i % 5],
    step_id: `step_${i % 7}`,
    variable_id: `var_${i}`,
  }));
  return {
    task_id: 1, task_url: 'https://app.chamelio.ai/workflows/tasks/1', task_title: 'Master services agreement',
    workflow_id: 'msa', workflow_name: 'MSA review', workflow_version: 2, workflow_state_id: 'ws_1', status: 'in_progress',
    current_step_id: 'legal', current_step_name: 'Legal', current_step_type: 'review', created_at: '2026-11-01T10:00:00Z',
    updated_at: `2026-11-30T10:00:0${version % 10}Z`, completed_at: null, owner_email: 'o@example.com',
    assignee_email: version % 2 ? 'a@example.com' : 'b@example.com', collaborator_emails: ['c@example.com'],
    step_runs: Array.from({ length: 7 }, (_, i) => ({ step_run_id: `sr_${i}`, step_id: `step_${i}`, step_name: `Step ${i}`, step_type: 'review', status: 'completed', variables: variables.slice(i * 20, i * 20 + 20) })),
    variables,
  };
}

interface PollCpu {
  bodyBytes: number;
  /** Unchanged poll ÷ reading the body, per round. */
  unchangedRatio: Spread;
  /** Changed poll ÷ (reading the body + JSON.parse), per round. */
  changedRatio: Spread;
  unchangedMicros: Spread;
  changedMicros: Spread;
  readMicros: Spread;
  readParseMicros: Spread;
}

/** Iterations of one kind in a row, before the next kind. */
const BLOCK = 10;

async function readAll(response: Response): Promise<Uint8Array[]> {
  const reader = response.body!.getReader();
  const chunks: Uint8Array[] = [];
  for (;;) {
    const { done, value } = await reader.read();
    if (done) return chunks;
    chunks.push(value);
  }
}

/**
 * 15 rounds of 600 polls of each kind: a young-generation collection (parallel, on several threads)
 * costs as much as dozens of polls and lands in whichever short block is running, so fewer rounds
 * left the median moving by ±0.1 from run to run.
 */
export async function measurePollCpu(rounds = 15, perRound = 600): Promise<PollCpu> {
  const bodies = [1, 2].map((v) => new TextEncoder().encode(JSON.stringify({ task: bigTask(v) })));
  let body = bodies[0]!;
  const fetch = async (): Promise<Response> => new Response(body, { status: 200, headers: { 'content-type': 'application/json' } });
    // The byte compare the shells inject (node/nativeSameBytes.ts; electron/wiring/engine.ts has the same).
  const client = new ChamelioClient({ fetch, baseUrl: 'https://platform.chamelio.ai', getApiKey: () => 'ca_benchmark', now: () => 0, sameBytes: nativeSameBytes });
  const recorder = new ChangeRecorder({ clock: { now: () => 0, setTimeout: () => 0, clearTimeout: () => {} }, random: () => 0.5 });
  const pin = { id: 1, pinnedAt: 0, snapshot: null, unseen: false, unavailable: false, lastCheckedAt: null, lastError: null } as LivePin;
  const poll = async (): Promise<void> => {
    const result = await client.getTask(1);
    if (!result.ok) throw new Error(result.error.kind);
    Object.assign(pin, recorder.fetched(pin, result.value, 'me@example.com').update);
  };
  const read = () => fetch().then(readAll);
  const readParse = async () => {
    const chunks = await fetch().then(readAll);
    return JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(chunks[0])) as unknown;
  };
  const changedPoll = () => {
    body = body === bodies[0] ? bodies[1]! : bodies[0]!;
    return poll();
  };
  const unchangedPoll = () => {
    body = bodies[0]!;
    return poll();
  };
  const block = async (work: () => Promise<unknown>) => cpuMicros(async () => { for (let i = 0; i < BLOCK; i++) await work(); });
  // Warm up every path (the JIT). Then, in each round, the four alternate in short blocks, so a
  // change in the machine's load falls on all of them alike.
  for (const work of [read, readParse, unchangedPoll, changedPoll]) for (let i = 0; i < 200; i++) await work();
  const rows = { read: [] as number[], readParse: [] as number[], unchanged: [] as number[], changed: [] as number[] };
  const blocks = Math.max(1, Math.round(perRound / BLOCK));
  for (let r = 0; r < rounds; r++) {
    const sum = { read: 0, readParse: 0, unchanged: 0, changed: 0 };
    for (let b = 0; b < blocks; b++) {
      body = bodies[0]!;
      sum.read += await block(read);
      await unchangedPoll(); // the last answer is now this body
      sum.unchanged += await block(unchangedPoll);
      sum.readParse += await block(readParse);
      sum.changed += await block(changedPoll);
    }
    for (const k of ['read', 'readParse', 'unchanged', 'changed'] as const) rows[k].push(sum[k] / (blocks * BLOCK));
  }
  return {
    bodyBytes: bodies[0]!.byteLength,
    unchangedRatio: spread(rows.unchanged.map((u, i) => u / rows.read[i]!)),
    changedRatio: spread(rows.changed.map((c, i) => c / rows.readParse[i]!)),
    unchangedMicros: spread(rows.unchanged),
    changedMicros: spread(rows.changed),
    readMicros: spread(rows.read),
    readParseMicros: spread(rows.readParse),
  };
}

if (import.meta.main) {
  const n = await measurePollCpu();
  console.log(`body ${n.bodyBytes} bytes`);
  console.log(`unchanged poll ÷ reading the body: ${fmtSpread(n.unchangedRatio)} (target ≤ 1.2); ${fmtSpread(n.unchangedMicros, 1)} µs ÷ ${fmtSpread(n.readMicros, 1)} µs`);
  console.log(`changed poll ÷ reading + JSON.parse: ${fmtSpread(n.changedRatio)} (target ≤ 1.5); ${fmtSpread(n.changedMicros, 1)} µs ÷ ${fmtSpread(n.readParseMicros, 1)} µs`);
}
