/**
 * Saves the README's screenshots: list, details and settings, light and dark, from the preview
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
    await page.close();
  }
} finally {
  await browser.close();
  await preview.stop();
}
