/** What the user sees when something is wrong: a refused key, a foreign URL, a deleted task, no server. */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ChamelioSimulator } from '../../src-main/node/simulator/ChamelioSimulator.ts';
import { expect, test } from './support/fixtures.ts';
import { Popover } from './support/Popover.ts';
import { PreviewProcess } from './support/PreviewProcess.ts';
import { APP_URL, task } from './support/tasks.ts';

test('an invalid key shows the API’s own reason and is not stored', async ({ page, popover }) => {
  await popover.setKey('ca_NotTheRightKeyAtAll123');
  await expect(page.getByTestId('key-error')).toHaveText('The key was refused: Invalid API key');
  await expect(popover.connection).toHaveText('No API key');
  await expect(page.getByRole('heading', { name: 'Watch your Chamelio tasks from the tray' })).toBeVisible();
});

test('no answer from Chamelio while saving the key is worded as such, not as a refusal', async ({ page, sim, popover }) => {
  await expect(page.getByRole('heading', { name: 'Watch your Chamelio tasks from the tray' })).toBeVisible();
  await sim.close();
  await popover.setKey(sim.apiKey);
  await expect(page.getByTestId('key-error')).toHaveText(/^Couldn’t reach Chamelio to check the key: /);
  await expect(page.getByTestId('key-error')).not.toContainText('refused');
});

test.describe('with a key', () => {
  test.use({ keyFromEnv: true });

  test('the key from CHAMELIO_API_KEY is used; a revoked key shows the API’s reason', async ({ page, sim, control, popover }) => {
    await expect(popover.connection).toHaveText('Connected');
    await expect(page.getByRole('heading', { name: 'Acme Corporation', level: 1 })).toBeVisible();
    // A long org name is cut to the header's width; the tooltip has it whole.
    await expect(page.getByRole('heading', { level: 1 })).toHaveAttribute('title', 'Acme Corporation');
    await control.putTask(task(11));
    await popover.pin('11');
    await expect(popover.row(/Task 11/)).toContainText('Pending');
    sim.setKeyState('revoked');
    await popover.refresh();
    await expect(popover.connection).toHaveText('Key problem: API key has been revoked');
    await popover.openSettings();
    await expect(page.getByText('The API refuses it: API key has been revoked')).toBeVisible();
  });

  test('the key is replaced and cleared in Settings, and never shown', async ({ page, sim, popover }) => {
    await popover.openSettings();
    const field = page.getByLabel('API key', { exact: true });
    await expect(field).toHaveValue('');
    await expect(page.getByTestId('key-org')).toHaveText('Organisation: Acme Corporation, rate limit 120 requests per minute.');
    const newKey = sim.rotateKey();
    await popover.setKey(newKey);
    await expect(field).toHaveValue('');
    await expect(page.getByTestId('key-org')).toBeVisible();
    expect(await page.content()).not.toContain(newKey);
    await page.getByRole('button', { name: 'Clear key' }).click();
    await expect(page.getByText('No key is set.')).toBeVisible();
    await expect(popover.connection).toHaveText('No API key');
  });

  test('a pasted URL from another host is refused with its reason; only it stays in the box; the feedback goes', async ({ page, control, popover }) => {
    await control.putTask(task(12));
    const foreign = 'https://app.chamelio.ai.evil.example/workflows/tasks/99';
    await popover.pin(`${foreign} ${APP_URL(12)}`);
    const refused = page.getByRole('list', { name: 'Not pinned' }).getByRole('listitem');
    await expect(refused).toHaveCount(1);
    await expect(refused).toContainText('https://app.chamelio.ai.evil.example/workflows/tasks/99');
    // The engine's reason: that host is not the Chamelio app's.
    await expect(refused).toContainText(/app\.chamelio\.ai\.evil\.example.? is not .?app\.chamelio\.ai/);
    await expect(page.getByText('Pinned 1 task.')).toBeVisible();
    // Only the refused fragment stays in the box, to be corrected; the pinned URL has left it.
    await expect(popover.pinBox).toHaveValue(foreign);
    await expect(popover.row(/Task 12/)).toBeVisible();

    // Typing starts a new attempt: the old feedback goes.
    await popover.pinBox.press('End');
    await popover.pinBox.press('Backspace');
    await expect(page.getByText('Pinned 1 task.')).toHaveCount(0);
    await expect(page.getByRole('list', { name: 'Not pinned' })).toHaveCount(0);

    // It can be dismissed (focus back in the box), and another view leaves it behind.
    await popover.pin('12');
    await expect(page.getByText('Already pinned: 12.')).toBeVisible();
    await page.getByRole('button', { name: 'Dismiss pin feedback' }).click();
    await expect(page.getByText('Already pinned: 12.')).toHaveCount(0);
    await expect(popover.pinBox).toBeFocused();
    await popover.pin('12');
    await expect(page.getByText('Already pinned: 12.')).toBeVisible();
    await popover.openSettings();
    await popover.backToList();
    await expect(page.getByText('Already pinned: 12.')).toHaveCount(0);
  });

  test('a deleted task shows as unavailable', async ({ page, control, popover }) => {
    await control.putTask(task(13, { task_title: 'Lease renewal' }));
    await popover.pin(APP_URL(13));
    const row = popover.row(/Lease renewal/);
    await expect(row).toContainText('Pending');
    await control.deleteTask(13);
    await popover.refresh();
    await expect(row).toContainText('Unavailable');
    // The badge says so; the last status seen is not shown as if it were current.
    await expect(row.getByText('Unavailable', { exact: true })).toBeVisible();
    await expect(row).not.toContainText('Pending');
    await row.click();
    await expect(page.getByRole('alert')).toContainText('Unavailable');
    const details = page.getByRole('article');
    await expect(details.getByText('Unavailable', { exact: true })).toBeVisible();
    await expect(details.getByText('Last known details, from before the problem:')).toBeVisible();
  });

  test('a stopped server shows offline, and recovery follows', async ({ sim, control, popover }) => {
    await control.putTask(task(14, { task_title: 'Offline check' }));
    await popover.pin('14');
    await expect(popover.row(/Offline check/)).toContainText('Pending');
    const port = Number(new URL(sim.url).port);
    await sim.close();
    await popover.refresh();
    await expect(popover.connection).toHaveText(/^Offline: /);

    const again = await ChamelioSimulator.start({ port, apiKey: sim.apiKey });
    try {
      again.setTask(task(14, { task_title: 'Offline check', status: 'in_progress' }));
      await popover.refresh();
      await expect(popover.connection).toHaveText('Connected');
      await expect(popover.row(/Offline check/)).toContainText('In progress');
    } finally {
      await again.close();
    }
  });

  test('a server error shows as trouble with the server, then clears', async ({ control, popover }) => {
    await control.putTask(task(15));
    await popover.pin('15');
    await expect(popover.row(/Task 15/)).toContainText('Pending');
    await control.fault({ fault: { kind: 'html-502' }, times: 1 });
    await popover.refresh();
    await expect(popover.connection).toHaveText(/^Server trouble: /);
    await popover.refresh();
    await expect(popover.connection).toHaveText('Connected');
  });
});

test('the preview stopped: the header says the engine is not answering, in plain words; restarted, it recovers', async ({ page, sim, control }) => {
  const dataDir = await mkdtemp(join(tmpdir(), 'chamelio-e2e-restart-'));
  const start = (port?: number) =>
    PreviewProcess.start(['--api-base-url', sim.url], { env: { CHAMELIO_API_KEY: sim.apiKey }, dataDir, port });
  let preview = await start();
  try {
    const popover = new Popover(page);
    await control.putTask(task(16, { task_title: 'Survives a restart' }));
    await page.goto(preview.url);
    await popover.pin('16');
    const row = popover.row(/Survives a restart/);
    await expect(row).toContainText('Pending');
    await expect(popover.connection).toHaveText('Connected');

    await preview.stop();
    await expect(popover.connection).toHaveText('The app’s engine is not answering');
    await popover.refresh();
    await expect(page.getByRole('alert')).toHaveText('Could not refresh: the app’s engine is not answering.');
    await expect(page.getByText(/Failed to fetch|internal error/)).toHaveCount(0);
    // What was on screen stays readable meanwhile.
    await expect(row).toBeVisible();

    // Same port, same data: the page's stream reconnects by itself and the error goes.
    preview = await start(preview.port);
    await control.patchTask(16, { status: 'in_progress' });
    await expect(popover.connection).toHaveText('Connected', { timeout: 40_000 });
    await expect(page.getByRole('alert')).toHaveCount(0);
    await popover.refresh();
    await expect(row).toContainText('In progress');
  } finally {
    await preview.stop();
    await rm(dataDir, { recursive: true, force: true });
  }
});
