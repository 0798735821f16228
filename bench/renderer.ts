/**
 * The renderer's cost in Chromium, measured (never asserted), each size on a fresh page:
 * - render N tasks: from the stub bridge handing over a snapshot of N tasks (the way the engine's
 *   `state` event does) to the list showing its rows with style and layout done. A list that
 *   renders only the rows in view counts as rendered when those rows exist. Timed on a warm page
 *   (bench/renderWarm.ts: the sizes alternate on one page after warm-up, as the popover renders
 *   every snapshot after its first), and apart as the first render on a fresh page, code still cold.
 * - shown to painted, 500 tasks: the popover was hidden with its list rendered; "shown" is the
 *   `visibilitychange` to visible that the app listens to (src-renderer/lib/app.svelte.ts),
 *   dispatched with document.visibilityState now "visible"; "painted" is the first
 *   requestAnimationFrame callback after the work it started, with the rows in the DOM.
 * - JS heap of the page with N tasks rendered, after a full GC (CDP Runtime.getHeapUsage).
 * - the gzip size of the built JS + CSS.
 * The built UI is served over HTTP with the preview's CSP, with a stub `window.chamelio`.
 *
 * `node bench/renderer.ts` prints the numbers; bench/run.ts calls measureRenderer().
 */
import { readdirSync, readFileSync, existsSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromium } from '@playwright/test';
import type { AppSnapshot, TaskSummary } from '../src-main/contract/dto.ts';
import { SECURITY_HEADERS } from '../src-main/node/preview/PreviewHost.ts';
import { serveStatic } from '../src-main/node/preview/serveStatic.ts';
import { statusLabel } from '../src-main/core/notify/describeChange.ts';
import { snapshot } from '../src-renderer/testing/fixtures.ts';
import { warmRenders } from './renderWarm.ts';
import { fmtSpread, spread, type Spread } from './stats.ts';

const REPO = resolve(import.meta.dirname, '..');
const RENDERER = join(REPO, 'out/renderer');
interface RendererNumbers {
  chromium: string;
  /** JS + CSS of out/renderer, gzip-compressed, in KB (1024 bytes). */
  gzipKB: number;
  jsGzipKB: number;
  cssGzipKB: number;
  /** On a warm page (bench/renderWarm.ts). */
  render500Ms: Spread;
  render5000Ms: Spread;
  /** render 5,000 ÷ render 500, per pair of runs side by side. */
  renderRatio: Spread;
  /** The first render on a fresh page, its code still cold. */
  firstRender500Ms: Spread;
  firstRender5000Ms: Spread;
  shownToPainted500Ms: Spread;
  heap500MB: Spread;
  heap5000MB: Spread;
}

function gzipSizes(): { js: number; css: number } {
  const sizes = { js: 0, css: 0 };
  const walk = (dir: string): void => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (/\.(m?js)$/.test(entry.name)) sizes.js += gzipSync(readFileSync(path)).byteLength;
      else if (entry.name.endsWith('.css')) sizes.css += gzipSync(readFileSync(path)).byteLength;
    }
  };
  walk(RENDERER);
  return sizes;
}

const STATUSES = ['created', 'pending', 'in_progress', 'completed', 'cancelled', 'failed', 'archived'];
const GROUPS = ['needs-you', 'unseen', 'active', 'finished'] as const;

export function snapshotOf(count: number): AppSnapshot {
  const now = Date.now();
  const tasks: TaskSummary[] = Array.from({ length: count }, (_, i) => ({
    id: 100_000 + i,
    title: `Vendor Contract Review - Supplier ${i} (${['EU', 'US', 'APAC'][i % 3]})`,
    displayTitle: `Vendor Contract Review - Supplier ${i} (${['EU', 'US', 'APAC'][i % 3]})`,
    workflowName: ['Vendor Contract Review', 'NDA Request', 'Procurement Approval'][i % 3]!,
    status: STATUSES[i % STATUSES.length]!,
    statusLabel: statusLabel(STATUSES[i % STATUSES.length]!),
    stepName: i % 4 ? `Legal Review ${i % 5}` : null,
    stepType: i % 4 ? 'review' : null,
    assignee: i % 6 ? `person${i % 17}@example.com` : null,
    assignedToYou: i % 9 === 0,
    updatedAt: new Date(now - i * 3_600_000).toISOString(),
    unseen: i % 7 === 0,
    lastChange: i % 7 === 0 ? 'In progress → Completed' : null,
    problem: i % 50 === 0 ? { kind: 'unavailable', message: 'Task not found' } : null,
    group: GROUPS[Math.min(3, Math.floor((i / count) * 4))]!,
    link: `https://app.chamelio.ai/workflows/tasks/${100_000 + i}`,
    snooze: null,
    notificationLevel: 'global',
  }));
  return snapshot({ lastCheckedAt: now, tasks, build: null });
}

/** How many rows count as "the list shows its rows": all of them, or a screenful if it windows. */
const SCREENFUL = 8;

/**
 * Runs in the page before the UI: a bridge whose first state is `initial`, a document whose
 * visibility the benchmark controls (`__hidden`), and the two timed actions.
 */
export function installStub(init: { initial: AppSnapshot; hidden: boolean; screenful: number }): void {
  type Listener = (payload: unknown) => void;
  const w = globalThis as unknown as {
    chamelio?: unknown;
    __hidden: boolean;
    __render?: (snapshot: AppSnapshot) => Promise<number>;
    __show?: () => Promise<number>;
    __rowsShown?: (rows: number) => boolean;
    requestAnimationFrame(cb: () => void): number;
    document: { querySelectorAll(s: string): { length: number }; body: { offsetHeight: number }; dispatchEvent(e: Event): boolean };
  };
  const listeners: Listener[] = [];
  const done = Promise.resolve(undefined);
  w.__hidden = init.hidden;
  Object.defineProperty(w.document, 'visibilityState', { configurable: true, get: () => (w.__hidden ? 'hidden' : 'visible') });
  Object.defineProperty(w.document, 'hidden', { configurable: true, get: () => w.__hidden });
  w.chamelio = new Proxy(
    {},
    {
      get(_target, name) {
        if (name === 'on') {
          return (event: string, listener: Listener) => {
            if (event === 'state') listeners.push(listener);
            return () => {};
          };
        }
        if (name === 'getState') return () => Promise.resolve(init.initial);
        if (name === 'clipboardSuggestion') return () => Promise.resolve([]);
        return () => done;
      },
    },
  );
  const frame = () => new Promise<void>((resolve) => w.requestAnimationFrame(() => resolve()));
  w.__rowsShown = (rows) => w.document.querySelectorAll('[role="listbox"] [role="option"]').length >= Math.min(rows, init.screenful);
  const untilRows = async (rows: number) => {
    // Svelte renders in microtasks; a list that measures itself may need a frame or two more.
    for (let turns = 0; turns < 200 && !w.__rowsShown!(rows); turns++) {
      await (turns < 100 ? Promise.resolve() : frame());
    }
    void w.document.body.offsetHeight; // style and layout done
  };
  w.__render = async (snapshot) => {
    const t0 = performance.now();
    for (const listener of listeners) listener(snapshot);
    await untilRows(snapshot.tasks.length);
    return performance.now() - t0;
  };
  w.__show = async () => {
    const t0 = performance.now();
    w.__hidden = false;
    w.document.dispatchEvent(new Event('visibilitychange'));
    await untilRows(init.initial.tasks.length);
    await frame();
    return performance.now() - t0;
  };
}

type Page = Awaited<ReturnType<Awaited<ReturnType<typeof chromium.launch>>['newPage']>>;
type StubWindow = { __render(s: unknown): Promise<number>; __show(): Promise<number>; __rowsShown(rows: number): boolean; requestAnimationFrame(cb: () => void): number };

async function openPage(browser: Awaited<ReturnType<typeof chromium.launch>>, url: string, initial: AppSnapshot, hidden: boolean): Promise<Page> {
  const page = await browser.newPage({ viewport: { width: 400, height: 600 } });
  await page.addInitScript(installStub, { initial, hidden, screenful: SCREENFUL });
  await page.goto(url);
  if (initial.tasks.length === 0) await page.getByText('Nothing pinned yet.').waitFor();
  else await page.waitForFunction((rows) => (globalThis as unknown as StubWindow).__rowsShown(rows), initial.tasks.length);
  // Two frames, so the boot's work is done before the clock starts.
  await page.evaluate(() => {
    const w = globalThis as unknown as StubWindow;
    return new Promise<void>((r) => w.requestAnimationFrame(() => w.requestAnimationFrame(r)));
  });
  return page;
}

async function renderOnce(browser: Awaited<ReturnType<typeof chromium.launch>>, url: string, count: number): Promise<{ ms: number; heapMB: number }> {
  const page = await openPage(browser, url, snapshotOf(0), false);
  try {
    const ms = await page.evaluate((snapshot) => (globalThis as unknown as StubWindow).__render(snapshot), snapshotOf(count));
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('HeapProfiler.collectGarbage');
    const { usedSize } = (await cdp.send('Runtime.getHeapUsage')) as { usedSize: number };
    return { ms, heapMB: usedSize / 1024 / 1024 };
  } finally {
    await page.close();
  }
}

async function shownToPainted(browser: Awaited<ReturnType<typeof chromium.launch>>, url: string, count: number): Promise<number> {
  const page = await openPage(browser, url, snapshotOf(count), true);
  try {
    return await page.evaluate(() => (globalThis as unknown as StubWindow).__show());
  } finally {
    await page.close();
  }
}

export async function measureRenderer(runs = 7): Promise<RendererNumbers> {
  if (!existsSync(join(RENDERER, 'index.html'))) throw new Error('out/renderer is missing: run `npx electron-vite build` first');
  const sizes = gzipSizes();
  const server = createServer((req, res) => {
    void serveStatic(RENDERER, new URL(req.url ?? '/', 'http://127.0.0.1').pathname, false, res, SECURITY_HEADERS);
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  const rows = { r500: [] as number[], r5000: [] as number[], shown: [] as number[], h500: [] as number[], h5000: [] as number[] };
  try {
    const warm = await openPage(browser, url, snapshotOf(0), false);
    const times = await warmRenders(warm, { empty: snapshotOf(0), sizes: { 500: snapshotOf(500), 5000: snapshotOf(5000) } }, runs);
    await warm.close();
    // Side by side: each round renders both sizes and shows the popover once.
    for (let i = 0; i < runs; i++) {
      const small = await renderOnce(browser, url, 500);
      const large = await renderOnce(browser, url, 5000);
      rows.r500.push(small.ms); // first renders, each on a fresh page
      rows.r5000.push(large.ms);
      rows.h500.push(small.heapMB);
      rows.h5000.push(large.heapMB);
      rows.shown.push(await shownToPainted(browser, url, 500));
    }
    const kb = (bytes: number): number => Math.round((bytes / 1024) * 10) / 10;
    return {
      chromium: browser.version(),
      gzipKB: kb(sizes.js + sizes.css),
      jsGzipKB: kb(sizes.js),
      cssGzipKB: kb(sizes.css),
      render500Ms: spread(times[500]!),
      render5000Ms: spread(times[5000]!),
      renderRatio: spread(times[5000]!.map((ms, i) => ms / times[500]![i]!)),
      firstRender500Ms: spread(rows.r500),
      firstRender5000Ms: spread(rows.r5000),
      shownToPainted500Ms: spread(rows.shown),
      heap500MB: spread(rows.h500),
      heap5000MB: spread(rows.h5000),
    };
  } finally {
    await browser.close();
    server.close();
  }
}

if (import.meta.main) {
  const n = await measureRenderer(Number(process.argv[2] ?? 7));
  console.log(`Chromium ${n.chromium}; JS + CSS gzip ${n.gzipKB} KB (JS ${n.jsGzipKB}, CSS ${n.cssGzipKB}; target ≤ 60 KB)`);
  console.log(`render 500: ${fmtSpread(n.render500Ms, 1)} ms (target ≤ 30); 5,000: ${fmtSpread(n.render5000Ms, 1)} ms (target ≤ 50); ratio ${fmtSpread(n.renderRatio)} (a warm page)`);
  console.log(`first render on a fresh page, 500: ${fmtSpread(n.firstRender500Ms, 1)} ms; 5,000: ${fmtSpread(n.firstRender5000Ms, 1)} ms`);
  console.log(`shown to painted, 500: ${fmtSpread(n.shownToPainted500Ms, 1)} ms (target ≤ 50)`);
  console.log(`JS heap 500: ${fmtSpread(n.heap500MB, 1)} MB; 5,000: ${fmtSpread(n.heap5000MB, 1)} MB (target ≤ 30)`);
}
