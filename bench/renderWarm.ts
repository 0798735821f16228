/**
 * Rendering N tasks in a page that has rendered before, as the popover does for every snapshot
 * after its first: the page, its code and its styles are warm, so what is measured is the list's
 * own work for N tasks. On one page, after warm-up, the sizes alternate from an empty list in
 * every round (side by side), each render timed as bench/renderer.ts defines it ("rendered").
 * A fresh page's first render, with its code still cold, is measured apart (renderer.ts).
 */
import type { Page } from '@playwright/test';
import type { AppSnapshot } from '../src-main/contract/dto.ts';

type PageGlobals = { __render(snapshot: AppSnapshot): Promise<number>; requestAnimationFrame(cb: () => void): number };

/** Renders to warm the code up before anything is timed. */
const WARM_UP = 3;

async function renderFromEmpty(page: Page, empty: AppSnapshot, full: AppSnapshot): Promise<number> {
  await page.evaluate((snapshot) => (globalThis as unknown as PageGlobals).__render(snapshot), empty);
  // Two frames, so the empty list's own work is done before the clock starts.
  await page.evaluate(() => {
    const w = globalThis as unknown as PageGlobals;
    return new Promise<void>((r) => w.requestAnimationFrame(() => w.requestAnimationFrame(r)));
  });
  return page.evaluate((snapshot) => (globalThis as unknown as PageGlobals).__render(snapshot), full);
}

/** `runs` timed renders of each size (ms), on `page` (opened with an empty list). */
export async function warmRenders(page: Page, snapshots: { empty: AppSnapshot; sizes: Record<number, AppSnapshot> }, runs: number): Promise<Record<number, number[]>> {
  const sizes = Object.keys(snapshots.sizes).map(Number);
  const times: Record<number, number[]> = Object.fromEntries(sizes.map((n) => [n, []]));
  for (let round = 0; round < WARM_UP + runs; round++) {
    for (const n of sizes) {
      const ms = await renderFromEmpty(page, snapshots.empty, snapshots.sizes[n]!);
      if (round >= WARM_UP) times[n]!.push(ms);
    }
  }
  return times;
}
