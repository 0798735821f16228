/**
 * The renderer's cost, measured (never asserted): the gzip size of the built JS + CSS, and the time
 * Chromium takes to render a list of 500 pinned tasks — from the moment the stub bridge hands over
 * the snapshot to the 500 rows being in the DOM and laid out. The built UI is served over HTTP with
 * the preview's CSP, and a stub `window.chamelio` is injected before it loads.
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
import { DEFAULT_SETTINGS } from '../src-main/core/app/Settings.ts';
import { SECURITY_HEADERS } from '../src-main/node/preview/PreviewHost.ts';
import { serveStatic } from '../src-main/node/preview/serveStatic.ts';
import { statusLabel } from '../src-main/core/notify/describeChange.ts';

const REPO = resolve(import.meta.dirname, '..');
const RENDERER = join(REPO, 'out/renderer');
const TASKS = 500;

export interface RendererNumbers {
  /** JS + CSS of out/renderer, gzip-compressed, in KB (1024 bytes). */
  gzipKB: number;
  jsGzipKB: number;
  cssGzipKB: number;
  /** Median over the runs, ms. */
  render500Ms: number;
  runsMs: number[];
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
  return {
    connection: { kind: 'ok' },
    key: { isSet: true, protection: 'os', advice: null, canOptInToWeak: false },
    org: { name: 'Acme Corporation', rateLimitPerMinute: 120 },
    lastCheckedAt: now,
    tasks,
    activity: [],
    settings: DEFAULT_SETTINGS,
    notificationsPausedUntil: null,
    budgetPerMinute: 60,
    demo: false,
  };
}

/**
 * Runs in the page before the UI: a bridge that starts with no task (the page boots, fonts load,
 * the first frame is painted), and `__render(snapshot)`, which pushes a snapshot the way the engine's
 * `state` event does and times it until the rows are in the DOM with style and layout done. Svelte
 * renders in microtasks, so the whole render happens inside this one task and no frame is counted.
 */
export function installStub(empty: AppSnapshot): void {
  type Listener = (payload: unknown) => void;
  const w = globalThis as unknown as {
    chamelio?: unknown;
    __render?: (snapshot: AppSnapshot) => Promise<number>;
    document: { querySelector(s: string): { childElementCount: number } | null; body: { offsetHeight: number } };
  };
  const listeners: Listener[] = [];
  const done = Promise.resolve(undefined);
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
        if (name === 'getState') return () => Promise.resolve(empty);
        if (name === 'clipboardSuggestion') return () => Promise.resolve([]);
        return () => done;
      },
    },
  );
  w.__render = async (snapshot) => {
    const rows = snapshot.tasks.length;
    const t0 = performance.now();
    for (const listener of listeners) listener(snapshot);
    for (let turns = 0; turns < 100; turns++) {
      const list = w.document.querySelector('[role="listbox"]');
      if (list && list.childElementCount >= rows) break;
      await new Promise<void>((resolve) => queueMicrotask(resolve));
    }
    void w.document.body.offsetHeight;
    return performance.now() - t0;
  };
}

export async function measureRenderer(runs = 11): Promise<RendererNumbers> {
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
  const runsMs: number[] = [];
  try {
    const empty = snapshotOf(0);
    const full = snapshotOf(TASKS);
    for (let i = 0; i < runs; i++) {
      const page = await browser.newPage({ viewport: { width: 400, height: 600 } });
      await page.addInitScript(installStub, empty);
      await page.goto(url);
      await page.getByText('Nothing pinned yet.').waitFor();
      // Two frames, so the boot's work is done before the clock starts.
      await page.evaluate(() => {
        const raf = (globalThis as unknown as { requestAnimationFrame(cb: () => void): number }).requestAnimationFrame;
        return new Promise<void>((r) => raf(() => raf(r)));
      });
      runsMs.push(await page.evaluate((snapshot) => (globalThis as unknown as { __render: (s: unknown) => Promise<number> }).__render(snapshot), full));
      await page.close();
    }
  } finally {
    await browser.close();
    server.close();
  }
  const sorted = [...runsMs].sort((a, b) => a - b);
  const kb = (bytes: number): number => Math.round((bytes / 1024) * 10) / 10;
  return {
    gzipKB: kb(sizes.js + sizes.css),
    jsGzipKB: kb(sizes.js),
    cssGzipKB: kb(sizes.css),
    render500Ms: Math.round((sorted[Math.floor(sorted.length / 2)] ?? NaN) * 10) / 10,
    runsMs: runsMs.map((ms) => Math.round(ms * 10) / 10),
  };
}

if (import.meta.main) {
  const n = await measureRenderer();
  console.log(`renderer JS + CSS, gzip: ${n.gzipKB} KB (JS ${n.jsGzipKB} KB, CSS ${n.cssGzipKB} KB; target ≤ 60 KB)`);
  console.log(`render ${TASKS} tasks in Chromium: median ${n.render500Ms} ms over ${n.runsMs.length} runs (${n.runsMs.join(', ')}; target ≤ 100 ms)`);
}
