/**
 * The e2e fixtures: a simulated Chamelio API, the preview (a child process) pointed at it, and a page
 * that fails the test on any CSP violation or uncaught error.
 */
import { test as base, expect } from '@playwright/test';
import { ChamelioSimulator } from '../../../src-main/node/simulator/ChamelioSimulator.ts';
import { Popover } from './Popover.ts';
import type { PageGlobals } from './pageGlobals.ts';
import { PreviewProcess } from './PreviewProcess.ts';
import { SimulatorControl } from './SimulatorControl.ts';

interface Options {
  /** Start the preview with CHAMELIO_API_KEY set to the simulator's key (the environment path). */
  keyFromEnv: boolean;
}

interface Fixtures {
  sim: ChamelioSimulator;
  control: SimulatorControl;
  preview: PreviewProcess;
  popover: Popover;
}

export const test = base.extend<Fixtures & Options>({
  keyFromEnv: [false, { option: true }],
  // eslint-disable-next-line no-empty-pattern -- Playwright reads the fixture's dependencies from this pattern.
  sim: async ({}, use) => {
    const sim = await ChamelioSimulator.start({ port: 0 });
    await use(sim);
    await sim.close();
  },
  control: async ({ sim }, use) => {
    await use(new SimulatorControl(sim.url));
  },
  preview: async ({ sim, keyFromEnv }, use, testInfo) => {
    const env: Record<string, string> = keyFromEnv ? { CHAMELIO_API_KEY: sim.apiKey } : {};
    const preview = await PreviewProcess.start(['--api-base-url', sim.url], { env });
    await use(preview);
    await preview.stop();
    if (testInfo.status !== testInfo.expectedStatus) {
      await testInfo.attach('preview output', { body: [...preview.lines, '--- stderr', ...preview.stderr].join('\n') });
    }
  },
  page: async ({ page, context }, use) => {
    await page.addInitScript(() => {
      const w = globalThis as unknown as PageGlobals;
      w.__cspViolations = [];
      w.document.addEventListener('securitypolicyviolation', (e) => {
        w.__cspViolations?.push(`${e.violatedDirective} blocked ${e.blockedURI || '(inline)'}`);
      });
    });
    const problems: string[] = [];
    page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
    page.on('console', (message) => {
      if (/content security policy/i.test(message.text())) problems.push(`console: ${message.text()}`);
    });
    page.on('dialog', (dialog) => {
      problems.push(`dialog: ${dialog.message()}`);
      void dialog.dismiss();
    });
    await context.grantPermissions(['clipboard-read', 'clipboard-write']);
    await use(page);
    const violations = page.isClosed() ? [] : await page.evaluate(() => (globalThis as unknown as PageGlobals).__cspViolations ?? []).catch(() => []);
    expect([...violations, ...problems], 'no CSP violation, page error or dialog').toEqual([]);
  },
  popover: async ({ page, preview }, use) => {
    await page.goto(preview.url);
    await use(new Popover(page));
  },
});

export { expect };
