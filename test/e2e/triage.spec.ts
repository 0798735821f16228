/**
 * Triage in the preview (issue 11): per-task levels, snoozes, privacy, the test notification, list
 * order by group, unpin finished with undo, copy links, and that every choice survives a restart.
 * The preview runs with --test-clock (a test affordance: POST /__test/advance-clock moves the
 * engine's wall clock), so an hour-long snooze ends without waiting an hour.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { expect, test } from './support/fixtures.ts';
import type { PageGlobals } from './support/pageGlobals.ts';
import { Popover } from './support/Popover.ts';
import { PreviewProcess } from './support/PreviewProcess.ts';
import { APP_URL, task } from './support/tasks.ts';

const HOUR = 60 * 60_000;

async function advanceClock(preview: PreviewProcess, ms: number): Promise<void> {
  const response = await fetch(new URL('/__test/advance-clock', preview.url), {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ ms }),
  });
  expect(response.status).toBe(200);
}

async function openTask(page: Page, popover: Popover, title: RegExp): Promise<void> {
  await popover.row(title).click();
  await expect(page.getByRole('heading', { level: 2 })).toHaveText(title);
}

const notifiedIds = (preview: PreviewProcess): number[] => preview.notifications().flatMap((n) => n.taskIds);

test.describe('triage', () => {
  let dataDir: string;
  let preview: PreviewProcess;
  test.beforeEach(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'chamelio-e2e-triage-'));
  });
  test.afterEach(async () => {
    await preview?.stop();
    await rm(dataDir, { recursive: true, force: true });
  });
  const start = (simUrl: string, apiKey: string, port?: number) =>
    PreviewProcess.start(['--api-base-url', simUrl, '--test-clock'], { env: { CHAMELIO_API_KEY: apiKey }, dataDir, port });

  test('a muted task and a snoozed task say nothing while their neighbour notifies; the snooze ends with one announcement', async ({ page, sim, control }) => {
    preview = await start(sim.url, sim.apiKey);
    const popover = new Popover(page);
    await control.putTask(task(41, { task_title: 'Muted lease' }));
    await control.putTask(task(42, { task_title: 'Snoozed NDA' }));
    await control.putTask(task(43, { task_title: 'Neighbour MSA' }));
    await page.goto(preview.url);
    await popover.pollEverySecond();
    await popover.pin('41 42 43');
    await expect(popover.taskList.getByRole('option')).toHaveCount(3);

    await openTask(page, popover, /Muted lease/);
    await page.getByLabel('Notify me about this task').selectOption({ label: 'Never' });
    await expect(page.getByLabel('Notify me about this task')).toHaveValue('never');
    await popover.backToList();
    await openTask(page, popover, /Snoozed NDA/);
    await page.getByRole('button', { name: '1 hour' }).click();
    await expect(page.getByRole('status').filter({ hasText: /^Snoozed until/ })).toBeVisible();
    await popover.backToList();
    // The snoozed task leaves the main groups: it is listed after the running ones.
    await expect(popover.taskList.getByRole('option').last()).toContainText('Snoozed NDA');

    for (const id of [41, 42, 43]) await control.patchTask(id, { status: 'in_progress' });
    // All three are updated in the list, muted and snoozed too.
    for (const title of [/Muted lease/, /Snoozed NDA/, /Neighbour MSA/]) await expect(popover.row(title)).toContainText('In progress');
    await expect.poll(() => notifiedIds(preview)).toEqual([43]);
    // A later change of the neighbour is notified after any cycle the others could have been in.
    await control.patchTask(43, { status: 'pending' });
    await expect.poll(() => notifiedIds(preview)).toEqual([43, 43]);

    // The snooze ends: what changed meanwhile is announced once, and the task is back among the unseen.
    await advanceClock(preview, HOUR + 60_000);
    await expect.poll(() => notifiedIds(preview)).toEqual([43, 43, 42]);
    expect(preview.notifications()[2]).toMatchObject({ title: 'Snoozed NDA', body: 'Pending → In progress' });
    await advanceClock(preview, HOUR);
    await control.patchTask(43, { status: 'in_progress' });
    await expect.poll(() => notifiedIds(preview)).toEqual([43, 43, 42, 43]);
    expect(notifiedIds(preview).filter((id) => id === 41)).toEqual([]);
  });

  test('every setting and per-task choice survives a restart', async ({ page, sim, control }) => {
    preview = await start(sim.url, sim.apiKey);
    const popover = new Popover(page);
    await control.putTask(task(44, { task_title: 'Kept choices' }));
    await page.goto(preview.url);
    await popover.pin('44');
    await expect(popover.row(/Kept choices/)).toContainText('Pending');
    await openTask(page, popover, /Kept choices/);
    await page.getByLabel('Notify me about this task').selectOption('finished');
    await page.getByRole('button', { name: 'Until it changes' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'Snoozed until it changes' })).toBeVisible();
    await popover.backToList();
    await popover.openSettings();
    await page.getByLabel('Hide task titles and people in notifications and the tray').check();
    await page.getByLabel('Clicking a notification opens').selectOption('chamelio');
    await page.getByLabel('Sun').uncheck();
    await page.getByLabel('Let “assigned to you” and approvals waiting on you through').check();
    await expect(page.getByRole('status').filter({ hasText: 'Saved.' })).toBeVisible();

    const port = preview.port;
    await preview.stop();
    preview = await start(sim.url, sim.apiKey, port);
    await page.goto(preview.url);
    await popover.openSettings();
    await expect(page.getByLabel('Hide task titles and people in notifications and the tray')).toBeChecked();
    await expect(page.getByLabel('Clicking a notification opens')).toHaveValue('chamelio');
    await expect(page.getByLabel('Sun')).not.toBeChecked();
    await expect(page.getByLabel('Mon')).toBeChecked();
    await expect(page.getByLabel('Let “assigned to you” and approvals waiting on you through')).toBeChecked();
    await popover.backToList();
    await popover.row(/Task 44|Kept choices/).click();
    await expect(page.getByLabel('Notify me about this task')).toHaveValue('finished');
    await expect(page.getByRole('status').filter({ hasText: 'Snoozed until it changes' })).toBeVisible();
  });

  test('privacy keeps titles and people out of notifications; the test notification is printed', async ({ page, sim, control }) => {
    preview = await start(sim.url, sim.apiKey);
    const popover = new Popover(page);
    await control.putTask(task(51, { task_title: 'Secret merger', assignee_email: 'dana@example.com' }));
    await page.goto(preview.url);
    await popover.pollEverySecond();
    await popover.pin('51');
    await expect(popover.row(/Secret merger/)).toContainText('Pending');
    await popover.openSettings();
    await page.getByRole('button', { name: 'Send a test notification' }).click();
    await expect(page.getByRole('status').filter({ hasText: /^Sent\./ })).toBeVisible();
    await expect.poll(() => preview.notifications().map((n) => n.kind)).toEqual(['test']);
    await page.getByLabel('Hide task titles and people in notifications and the tray').check();
    await expect(page.getByRole('status').filter({ hasText: 'Saved.' })).toBeVisible();
    await control.patchTask(51, { assignee_email: 'sam@example.com' });
    await expect.poll(() => preview.notifications().length).toBe(2);
    expect(preview.notifications()[1]).toMatchObject({ taskIds: [51], title: 'Task 51', body: 'A task changed', actions: ['open', 'snooze-day'] });
    expect(preview.lines[1]).not.toMatch(/Secret|dana|sam@/);
  });

  test('unpin finished with undo, and copy the pinned links one a line', async ({ page, sim, control }) => {
    preview = await start(sim.url, sim.apiKey);
    const popover = new Popover(page);
    await control.putTask(task(61, { task_title: 'Done deal', status: 'completed', completed_at: '2026-11-30T10:00:00Z' }));
    await control.putTask(task(62, { task_title: 'Still going' }));
    await page.goto(preview.url);
    await popover.pin('61 62');
    // Finished last.
    await expect(popover.taskList.getByRole('option')).toHaveText([/Still going/, /Done deal/]);
    await page.getByRole('button', { name: 'Unpin finished (1)' }).click();
    await expect(popover.taskList.getByRole('option')).toHaveText([/Still going/]);
    await expect(page.getByRole('status').filter({ hasText: 'Unpinned' })).toHaveText('Unpinned “1 finished task”.');
    await page.getByRole('button', { name: 'Undo' }).click();
    await expect(popover.taskList.getByRole('option')).toHaveText([/Still going/, /Done deal/]);

    await page.getByRole('button', { name: 'Copy links of pinned tasks' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'Copied 2 links' })).toBeVisible();
    const copied = await page.evaluate(() => (globalThis as unknown as PageGlobals).navigator.clipboard.readText());
    expect(copied.split('\n').sort()).toEqual([APP_URL(61), APP_URL(62)]);
  });
});
