/**
 * As many pinned tasks as the engine allows (MAX_PINS, 1,000; the issue asked for 2,000, above the
 * limit the engine and store agreed on since): the list holds about a screenful of rows in the DOM, its group headers count
 * the whole groups, and the last task can be reached by keyboard and by scrolling, and opened.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { PersistedState } from '../../src-main/core/app/PersistedState.ts';
import { SCHEMA_VERSION } from '../../src-main/core/app/PersistedState.ts';
import { MAX_PINS } from '../../src-main/core/app/PinList.ts';
import { DEFAULT_SETTINGS } from '../../src-main/core/app/Settings.ts';
import { expect, test } from './support/fixtures.ts';
import type { PageGlobals } from './support/pageGlobals.ts';
import { PreviewProcess } from './support/PreviewProcess.ts';
import { task } from './support/tasks.ts';

const COUNT = MAX_PINS;
/** The last 300 are completed: the Finished group, at the end. Every tenth other one has an unseen change. */
const FINISHED_FROM = COUNT - 299;

function stateWithManyTasks(apiBaseUrl: string): PersistedState {
  return {
    schemaVersion: SCHEMA_VERSION,
    settings: { ...DEFAULT_SETTINGS, apiBaseUrl },
    pinned: Array.from({ length: COUNT }, (_, i) => {
      const id = i + 1;
      const finished = id >= FINISHED_FROM;
      return {
        id,
        pinnedAt: 1_000 + id,
        snapshot: task(id, { task_title: `Long list task ${id}`, ...(finished ? { status: 'completed', completed_at: '2026-11-29T10:00:00Z' } : {}) }),
        unseen: !finished && id % 10 === 0,
        unavailable: false,
      };
    }),
    activity: [],
    notificationsPausedUntil: null,
  };
}

test('the most pinned tasks the engine keeps: a bounded DOM, counted groups, and the last task reached and opened', async ({ page, sim }) => {
  // No key: the engine shows what it kept and polls nothing, so the list holds still.
  const dataDir = await mkdtemp(join(tmpdir(), 'chamelio-long-'));
  await writeFile(join(dataDir, 'state.json'), JSON.stringify(stateWithManyTasks(sim.url)));
  const preview = await PreviewProcess.start(['--api-base-url', sim.url], { dataDir });
  try {
    await page.goto(preview.url);
    // An earlier test's task URL on the clipboard would bring the offer up under the list mid-test.
    await page.evaluate(() => (globalThis as unknown as PageGlobals).navigator.clipboard.writeText(''));
    await page.reload();
    const list = page.getByRole('listbox', { name: 'Pinned tasks' });
    const options = list.getByRole('option');
    await expect(options.first()).toHaveAttribute('aria-setsize', String(COUNT));
    expect(await options.count()).toBeLessThan(60);

    // Headers count the whole group (not what happens to be drawn) and are not options.
    await expect(list.locator('.group').first()).toHaveText(`Changed ${(FINISHED_FROM - 1 - ((FINISHED_FROM - 1) % 10)) / 10}`);
    await expect(list.getByRole('option', { name: /^Changed/ })).toHaveCount(0);

    // Keyboard: End reaches the last task, which is drawn, selected and in view; Enter opens it.
    await list.focus();
    await page.keyboard.press('End');
    const last = list.getByRole('option', { name: new RegExp(`Long list task ${COUNT}\\b`) });
    await expect(last).toHaveAttribute('aria-selected', 'true');
    await expect(last).toHaveAttribute('aria-posinset', String(COUNT));
    await expect(last).toBeInViewport();
    await expect(list).toHaveAttribute('aria-activedescendant', `task-${COUNT}`);
    expect(await options.count()).toBeLessThan(60);
    await page.keyboard.press('Enter');
    await expect(page.getByRole('heading', { level: 2, name: `Long list task ${COUNT}` })).toBeFocused();

    // Back: the list has focus again with the same task selected and drawn, far down the list.
    await page.keyboard.press('Escape');
    await expect(list).toBeFocused();
    await expect(last).toHaveAttribute('aria-selected', 'true');
    await expect(last).toBeInViewport();

    // Scrolling: from the top to the very end of the popover, the last row is there to click.
    await page.keyboard.press('Home');
    await expect(list.getByRole('option', { name: /Long list task 10\b/ })).toBeInViewport();
    await expect(last).toHaveCount(0);
    await page.locator('main').evaluate((main) => main.scrollTo({ top: main.scrollHeight }));
    await expect(last).toBeInViewport();
    await last.click();
    await expect(page.getByRole('heading', { level: 2, name: `Long list task ${COUNT}` })).toBeVisible();
  } finally {
    await preview.stop();
    await rm(dataDir, { recursive: true, force: true });
  }
});
