/**
 * Saves the README's screenshots: list, details, settings, the grouped list, the snooze choices, an
 * approval and a task's documents, light and dark, from the preview
 * running the demo. Run after a build: `node test/e2e/support/captureScreenshots.ts`.
 */
import { join } from 'node:path';
import { chromium, type Page } from '@playwright/test';
import type { PageGlobals } from './pageGlobals.ts';
import { PreviewProcess, REPO } from './PreviewProcess.ts';

const OUT = join(REPO, 'docs/screenshots');
const VIEWPORT = { width: 400, height: 600 };

async function shoot(page: Page, name: string): Promise<void> {
  // Pointer and caret out of the picture.
  await page.mouse.move(0, VIEWPORT.height - 1);
  await page.evaluate(() => (globalThis as unknown as PageGlobals).document.activeElement?.blur?.());
  await page.screenshot({ path: join(OUT, `${name}.png`), animations: 'disabled', caret: 'hide' });
  console.log(`docs/screenshots/${name}.png`);
}

/** Snoozes a task "until tomorrow 09:00" through the preview's bridge, as the menu would. */
async function snoozeViaPage(page: Page, taskId: number): Promise<void> {
  await page.evaluate(async (id) => {
    await fetch('/api/snooze', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify([id, { kind: 'tomorrow' }]) });
  }, taskId);
}

const preview = await PreviewProcess.start(['--demo']);
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});
try {
  for (const scheme of ['light', 'dark'] as const) {
    const page = await browser.newPage({ viewport: VIEWPORT, colorScheme: scheme, locale: 'en-US', timezoneId: 'UTC' });
    await page.goto(preview.url);
    const list = page.getByRole('listbox', { name: 'Pinned tasks' });
    await list.getByRole('option').first().waitFor();
    await shoot(page, `list-${scheme}`);
    await list.getByRole('option', { name: /Northwind Traders/ }).click();
    await page.getByRole('heading', { name: 'Variables' }).waitFor();
    await shoot(page, `details-${scheme}`);
    await page.getByRole('button', { name: 'Settings' }).click();
    await page.getByRole('heading', { name: 'Settings' }).waitFor();
    await shoot(page, `settings-${scheme}`);
    await page.keyboard.press('Escape');

    // The grouped list: one task snoozed, so the Snoozed group shows before Finished.
    const ids = await page.evaluate(async () => {
      const state = (await (await fetch('/api/getState', { method: 'POST', headers: { 'content-type': 'application/json' }, body: '[]' })).json()) as {
        tasks: { id: number; group: string }[];
      };
      return state.tasks.filter((t) => t.group === 'active').map((t) => t.id);
    });
    const snoozed = ids[0]!;
    await snoozeViaPage(page, snoozed);
    const snoozedRow = list.getByRole('option').filter({ hasText: 'Snoozed until' });
    await snoozedRow.waitFor();
    await snoozedRow.scrollIntoViewIfNeeded();
    await shoot(page, `grouped-list-${scheme}`);
    await page.evaluate(async (id) => {
      await fetch('/api/unsnooze', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify([id]) });
    }, snoozed);

    // The snooze choices, in a task's details.
    await list.getByRole('option', { name: /Northwind Traders/ }).click();
    await page.getByRole('button', { name: 'Until it changes' }).waitFor();
    await page.locator('.snooze').evaluate((section) => section.scrollIntoView({ block: 'center' }));
    await shoot(page, `snooze-${scheme}`);
    await page.keyboard.press('Escape');

    // Acting: an approval waiting on you (its values and files), and a signed document to open.
    await list.getByRole('option', { name: /Brightline design agency retainer/ }).click();
    const approval = page.getByRole('region', { name: 'Approval' });
    const approve = approval.getByRole('button', { name: 'Approve', exact: true });
    await approve.waitFor();
    // The files and the decision in the picture; the values above are the details' screenshot's.
    await approve.evaluate((button) => button.scrollIntoView({ block: 'end' }));
    await shoot(page, `approval-${scheme}`);
    await page.keyboard.press('Escape');
    await list.getByRole('option', { name: /Stark Industries/ }).click();
    const documents = page.getByRole('region', { name: 'Documents' });
    await documents.getByRole('list', { name: 'Signed documents' }).waitFor();
    await documents.evaluate((section) => section.scrollIntoView({ block: 'center' }));
    await shoot(page, `documents-${scheme}`);
    await page.close();
  }
} finally {
  await browser.close();
  await preview.stop();
}
