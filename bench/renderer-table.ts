/**
 * The renderer's time to open a task whose table is at the largest size allowed (target ≤ 100 ms),
 * measured (never asserted), in Chromium, each run on a fresh page:
 * - "opened" is the click on the task's row in the list (the popover's own click handler opens the
 *   details); "painted" is the first requestAnimationFrame callback after the table's rows are in
 *   the DOM with style and layout done. The stub bridge answers `getTaskDetail` through a
 *   structured clone, as Electron's IPC hands it over.
 * - first: the first task opened on the page, the details' code still cold (the first open after
 *   the app started); again: back to the list ("All tasks") and the same task opened once more.
 * - largest shown: a `dynamic_table` of MAX_TABLE_ROWS × MAX_TABLE_COLUMNS (30 × 12), its value
 *   just under the engine's cap on a value's JSON (MAX_VALUE_JSON_CHARS, 64 KiB): the most cells
 *   and the most text one table can bring, every text cell past MAX_CELL_CHARS (80) and so shown
 *   shortened (src-renderer/lib/variables.ts shows no more).
 * - hostile: a table just under the same cap whose rows each carry other keys (issue 13 finding 3:
 *   3,000 such rows froze the details for 20 s), shown as 30 × 12 and "N more rows in Chamelio".
 * The built UI is served over HTTP with the preview's CSP, with bench/renderer.ts's stub bridge.
 *
 * `node bench/renderer-table.ts` prints the numbers; bench/run.ts calls measureTableOpen().
 */
import { existsSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join, resolve } from 'node:path';
import { chromium } from '@playwright/test';
import type { AppSnapshot, DocumentsView, TaskDetail } from '../src-main/contract/dto.ts';
import { MAX_VALUE_JSON_CHARS } from '../src-main/core/chamelio/taskLimits.ts';
import { SECURITY_HEADERS } from '../src-main/node/preview/PreviewHost.ts';
import { serveStatic } from '../src-main/node/preview/serveStatic.ts';
import { makeTask } from '../test/support/makeTask.ts';
import { installStub, snapshotOf } from './renderer.ts';
import { fmtSpread, spread, type Spread } from './stats.ts';

const RENDERER = join(resolve(import.meta.dirname, '..'), 'out/renderer');
// src-renderer/lib/variables.ts's MAX_TABLE_ROWS and MAX_TABLE_COLUMNS (bench may not import the renderer).
const SHOWN_ROWS = 30;
const SHOWN_COLUMNS = 12;
export const TABLE_OPEN_TARGET_MS = 100;

interface TableOpenNumbers {
  /** First open on a fresh page, and open again on the same page. */
  largestMs: { first: Spread; again: Spread };
  hostileMs: { first: Spread; again: Spread };
  /** The tables' sizes as measured. */
  largest: { rows: number; columns: number; jsonChars: number };
  hostile: { rows: number; jsonChars: number };
}

type Rows = Array<Record<string, unknown>>;

/** SHOWN_ROWS × SHOWN_COLUMNS, each cell's text as long as fits in the value cap. */
function largestTable(): Rows {
  const row = (i: number, text: string): Record<string, unknown> =>
    Object.fromEntries(Array.from({ length: SHOWN_COLUMNS }, (_, c) => [`column_${c + 1}`, c % 3 === 0 ? i * 1000 + c : `${text} ${i}.${c}`]));
  let length = 1;
  while (JSON.stringify(Array.from({ length: SHOWN_ROWS }, (_, i) => row(i, 'x'.repeat(length + 1)))).length < MAX_VALUE_JSON_CHARS) length += 1;
  return Array.from({ length: SHOWN_ROWS }, (_, i) => row(i, `Clause ${'x'.repeat(Math.max(0, length - 7))}`));
}

/** Rows that each carry keys of their own, as many as fit in the value cap. */
function hostileTable(): Rows {
  const rows: Rows = [];
  for (let chars = 2; ; ) {
    const next = { [`k${rows.length}`]: rows.length };
    chars += JSON.stringify(next).length + 1;
    if (chars >= MAX_VALUE_JSON_CHARS) return rows;
    rows.push(next);
  }
}

function detailWith(table: Rows, snapshot: AppSnapshot): TaskDetail {
  const summary = snapshot.tasks[0]!;
  const task = makeTask({
    task_id: summary.id,
    current_step_type: 'review',
    variables: [{ variable_type: 'dynamic_table', value: table, step_id: 'review_step', variable_id: 'line_items' }],
  });
  const person = (email: string | null) => ({ email, isYou: false });
  return { summary, task, people: { owner: person(task.owner_email), assignee: person(task.assignee_email), collaborators: [] }, stepStatusLabels: [] };
}

/** Runs in the page after installStub: the details and documents answered, and the timed open. */
function answerDetails(init: { detail: TaskDetail; documents: DocumentsView; rows: number }): void {
  type PageGlobals = {
    chamelio: Record<string, unknown>;
    __openTask?: () => Promise<number>;
    requestAnimationFrame(cb: () => void): number;
    document: { getElementById(id: string): { click(): void } | null; querySelectorAll(s: string): { length: number }; body: { offsetHeight: number } };
  };
  const w = globalThis as unknown as PageGlobals;
  const inner = w.chamelio;
  w.chamelio = new Proxy(
    {},
    {
      get(_target, name) {
        if (name === 'getTaskDetail') return () => Promise.resolve(structuredClone(init.detail));
        if (name === 'getDocuments') return () => Promise.resolve(init.documents);
        return inner[name as string];
      },
    },
  );
  const frame = () => new Promise<void>((r) => w.requestAnimationFrame(() => r()));
  const tableRows = () => w.document.querySelectorAll('.details table tbody tr').length;
  w.__openTask = async () => {
    const row = w.document.getElementById(`task-${init.detail.summary.id}`);
    if (!row) throw new Error('the task is not in the list');
    const t0 = performance.now();
    row.click();
    for (let turns = 0; turns < 600 && tableRows() < init.rows; turns++) await (turns < 100 ? Promise.resolve() : frame());
    if (tableRows() < init.rows) throw new Error(`the table showed ${tableRows()} of ${init.rows} rows`);
    void w.document.body.offsetHeight; // style and layout done
    await frame();
    return performance.now() - t0;
  };
}

type Browser = Awaited<ReturnType<typeof chromium.launch>>;

async function openTwice(browser: Browser, url: string, table: Rows): Promise<{ first: number; again: number }> {
  const snapshot = snapshotOf(1);
  snapshot.tasks[0] = { ...snapshot.tasks[0]!, problem: null, group: 'active' };
  const documents: DocumentsView = { signed: [], files: [], moreInChamelio: 0, step: null, problems: [] };
  const page = await browser.newPage({ viewport: { width: 400, height: 600 } });
  try {
    await page.addInitScript(installStub, { initial: snapshot, hidden: false, screenful: 1 });
    await page.addInitScript(answerDetails, { detail: detailWith(table, snapshot), documents, rows: Math.min(table.length, SHOWN_ROWS) });
    await page.goto(url);
    const open = async () => {
      await page.locator(`#task-${snapshot.tasks[0]!.id}`).waitFor();
      // Two frames, so the work before (the boot, the way back) is done before the clock starts.
      await page.evaluate(() => {
        const w = globalThis as unknown as { requestAnimationFrame(cb: () => void): number };
        return new Promise<void>((r) => w.requestAnimationFrame(() => w.requestAnimationFrame(() => r())));
      });
      return page.evaluate(() => (globalThis as unknown as { __openTask(): Promise<number> }).__openTask());
    };
    const first = await open();
    await page.getByRole('button', { name: 'All tasks' }).click();
    return { first, again: await open() };
  } finally {
    await page.close();
  }
}

/** The built UI over HTTP with the preview's headers, and Chromium; both closed after `work`. */
async function withRendererHost<T>(work: (browser: Browser, url: string) => Promise<T>): Promise<T> {
  if (!existsSync(join(RENDERER, 'index.html'))) throw new Error('out/renderer is missing: run `npx electron-vite build` first');
  const server = createServer((req, res) => void serveStatic(RENDERER, new URL(req.url ?? '/', 'http://127.0.0.1').pathname, false, res, SECURITY_HEADERS));
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  try {
    return await work(browser, `http://127.0.0.1:${(server.address() as AddressInfo).port}/`);
  } finally {
    await browser.close();
    server.close();
  }
}

export async function measureTableOpen(runs = 7): Promise<TableOpenNumbers> {
  const largest = largestTable();
  const hostile = hostileTable();
  return withRendererHost(async (browser, url) => {
    const times = { largest: [] as Array<{ first: number; again: number }>, hostile: [] as Array<{ first: number; again: number }> };
    // Side by side: each round opens both.
    for (let i = 0; i < runs; i++) {
      times.largest.push(await openTwice(browser, url, largest));
      times.hostile.push(await openTwice(browser, url, hostile));
    }
    const both = (t: Array<{ first: number; again: number }>) => ({ first: spread(t.map((x) => x.first)), again: spread(t.map((x) => x.again)) });
    return {
      largestMs: both(times.largest),
      hostileMs: both(times.hostile),
      largest: { rows: largest.length, columns: SHOWN_COLUMNS, jsonChars: JSON.stringify(largest).length },
      hostile: { rows: hostile.length, jsonChars: JSON.stringify(hostile).length },
    };
  });
}

/** What each measured table is, in words: for this script's lines and bench/run.ts's table. */
export function tableOpenLabels(n: TableOpenNumbers): { largest: string; hostile: string } {
  const kb = (chars: number) => `${Math.round(chars / 1024)} KB`;
  return {
    largest: `open a task, its table the largest shown (${n.largest.rows} × ${n.largest.columns}, ${kb(n.largest.jsonChars)})`,
    hostile: `open a task, its table ${n.hostile.rows.toLocaleString('en')} rows each with its own keys (${kb(n.hostile.jsonChars)}, shown as ${SHOWN_ROWS} × ${SHOWN_COLUMNS})`,
  };
}

/** "first 126.1 (…) ms; again 63.0 (…) ms", each median (min–max). */
export function fmtOpen(ms: { first: Spread; again: Spread }): string {
  return `first ${fmtSpread(ms.first, 1)} ms; again ${fmtSpread(ms.again, 1)} ms`;
}

if (import.meta.main) {
  const n = await measureTableOpen(Number(process.argv[2] ?? 7));
  const labels = tableOpenLabels(n);
  console.log(`${labels.largest}: ${fmtOpen(n.largestMs)}, median (min–max) of ${n.largestMs.first.runs} (target ≤ ${TABLE_OPEN_TARGET_MS} ms)`);
  console.log(`${labels.hostile}: ${fmtOpen(n.hostileMs)}, median (min–max) of ${n.hostileMs.first.runs} (target ≤ ${TABLE_OPEN_TARGET_MS} ms)`);
}
