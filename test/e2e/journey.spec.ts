/**
 * The journey issue 4 describes: first run → key → pin from a pasted URL → details → the server
 * changes the task → notification line, list and activity → assigned to you → unpin.
 */
import { expect, test } from './support/fixtures.ts';
import type { PageGlobals } from './support/pageGlobals.ts';
import { APP_URL, task } from './support/tasks.ts';

const ID = 4242;
const TITLE = 'Vendor Contract Review - Northwind';

test('first run, key, paste a URL, details, status change, assigned to you, unpin', async ({ page, sim, control, preview, popover }) => {
  await control.putTask(task(ID, { task_title: TITLE, status: 'pending' }));

  // First run says what to do and offers the demo.
  await expect(page.getByRole('heading', { name: 'Watch your Chamelio tasks from the tray' })).toBeVisible();
  await expect(page.getByText('Create an API key in Chamelio')).toBeVisible();
  // Numbered steps, and none points at a box that is not on the screen yet.
  const steps = page.getByRole('list').filter({ hasText: 'Create an API key' }).getByRole('listitem');
  await expect(steps).toHaveCount(3);
  await expect(steps.first()).toHaveCSS('display', 'list-item');
  await expect(steps.nth(2)).not.toContainText('Task URL or ID');
  await expect(page.getByRole('button', { name: 'Try with demo data' })).toBeVisible();
  await expect(popover.connection).toHaveText('No API key');

  // The key is checked, then the org and its rate limit are shown.
  await popover.setKey(sim.apiKey);
  await expect(page.getByRole('heading', { name: 'Acme Corporation', level: 1 })).toBeVisible();
  await expect(popover.connection).toHaveText('Connected');
  await popover.pollEverySecond();

  // Pin by pasting the task's URL from the clipboard into the pin box.
  await page.evaluate((url) => (globalThis as unknown as PageGlobals).navigator.clipboard.writeText(url), APP_URL(ID));
  await popover.pinBox.focus();
  await page.keyboard.press('ControlOrMeta+V');
  await expect(popover.pinBox).toHaveValue(APP_URL(ID));
  await page.getByRole('button', { name: 'Pin', exact: true }).click();
  await expect(page.getByText('Pinned 1 task.')).toBeVisible();
  const row = popover.row(new RegExp(TITLE));
  await expect(row).toContainText('Pending');
  await expect(row).toContainText('Vendor Contract Review');
  await expect(row).toContainText('Step: Legal Review (review)');
  await expect(row).toContainText('Assignee: legal@example.com');

  // Details.
  await row.click();
  await expect(page.getByRole('heading', { name: TITLE, level: 2 })).toBeVisible();
  const details = page.getByRole('article');
  await expect(details).toContainText('Vendor Contract Review · version 3');
  await expect(details).toContainText('Legal Review (review)');
  await expect(details).toContainText('owner@example.com');
  await expect(details).toContainText('contracts@example.com');
  await expect(details.getByRole('heading', { name: 'Steps' })).toBeVisible();
  await expect(details).toContainText('Document Intake');
  await expect(details).toContainText('$150,000.00');
  await page.getByRole('button', { name: 'Copy link' }).click();
  await expect(page.getByText('Link copied.')).toBeVisible();
  expect(await page.evaluate(() => (globalThis as unknown as PageGlobals).navigator.clipboard.readText())).toBe(APP_URL(ID));
  await page.getByRole('button', { name: 'Open in Chamelio' }).click();
  await expect.poll(() => preview.events()).toEqual([{ event: 'open-external', url: APP_URL(ID) }]);

  // The server moves the task on: one notification line, then the list and the activity show it.
  await popover.backToList();
  await control.patchTask(ID, { status: 'in_progress' });
  await expect.poll(() => preview.notifications()).toEqual([
    { event: 'notification', kind: 'single', taskIds: [ID], title: TITLE, body: 'Pending → In progress', actions: ['open', 'snooze-day'] },
  ]);
  await expect(row).toContainText('In progress');
  await expect(row).toContainText('Unseen change.');
  await expect(row).toContainText('Pending → In progress');
  await popover.openActivity();
  const entry = page.getByRole('list', { name: 'Recent changes' }).getByRole('button', { name: /Pending → In progress/ });
  await expect(entry).toContainText(TITLE);
  // A click on the history opens the task, which marks it seen.
  await entry.click();
  await expect(page.getByRole('heading', { name: TITLE, level: 2 })).toBeVisible();
  await popover.backToList();
  await expect(row).not.toContainText('Unseen change');

  // "Your email", then the server assigns the task to that address.
  await popover.openSettings();
  await popover.setField('Your email', 'me@example.com');
  await popover.backToList();
  await control.patchTask(ID, { assignee_email: 'me@example.com' });
  await expect.poll(() => preview.notifications().at(-1)).toEqual({
    event: 'notification',
    kind: 'single',
    taskIds: [ID],
    title: TITLE,
    body: 'Reassigned from legal@example.com to you',
    actions: ['open', 'snooze-day'],
  });
  await expect(row).toContainText('Assignee: you');

  // Unpin (Delete on the list), undo, then unpin for good from the details.
  await popover.taskList.focus();
  await page.keyboard.press('Delete');
  await expect(row).toHaveCount(0);
  await expect(page.getByRole('status').filter({ hasText: 'Unpinned' })).toHaveText(new RegExp(`Unpinned “${TITLE}”`));
  await page.getByRole('button', { name: 'Undo' }).click();
  await expect(row).toBeVisible();
  await row.click();
  await page.getByRole('button', { name: 'Unpin' }).click();
  await expect(page.getByText('Nothing pinned yet.')).toBeVisible();
  await expect(page.getByRole('status').filter({ hasText: `Unpinned “${TITLE}”.` })).toBeVisible();
  expect(preview.notifications()).toHaveLength(2);
});
