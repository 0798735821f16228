/**
 * Acting from the popover against the simulator, through the preview: approve, reject with a reason,
 * a double click that sends one decision, cancel with its confirmation, a refused cancel, opening a
 * signed document (the preview prints the URL it would open), a decision made elsewhere meanwhile,
 * and no notification for one's own action. The simulator counts every request.
 */
import { demoTasks } from '../../src-main/node/simulator/demoTasks.ts';
import { DEMO_USER_EMAIL } from '../../src-main/node/simulator/demoWorkflows.ts';
import { FILE_HOST } from '../../src-main/node/simulator/documents.ts';
import { expect, test } from './support/fixtures.ts';
import type { PreviewEvent } from './support/PreviewProcess.ts';

const DPO = 12353;
const AGENCY = 12355;
const SIGNED_NDA = 12356;
const RUNNING = 12345;
const AGENCY_TITLE = 'Procurement - Brightline design agency retainer';

test.beforeEach(async ({ sim, popover }) => {
  for (const task of demoTasks(Date.now())) sim.setTask(task);
  await popover.setKey(sim.apiKey);
  await expect(popover.connection).toHaveText('Connected');
  await popover.openSettings();
  await popover.setField('Your email', DEMO_USER_EMAIL);
  await popover.backToList();
  await popover.pin([DPO, AGENCY, SIGNED_NDA, RUNNING].join(' '));
  await expect(popover.taskList.getByRole('option')).toHaveCount(4);
});

const requests = (sim: { stats(): { requests: { route: string }[] } }, route: string) => sim.stats().requests.filter((r) => r.route === route).length;

test('approve: confirmed in place, a double click sends one decision, recorded as yours, never notified', async ({ sim, popover, page, preview }) => {
  await popover.openTask(AGENCY_TITLE);
  await expect(popover.approval).toContainText('Can approve now');
  await expect(popover.approval).toContainText('procurement@acme-legal.example');
  await popover.approval.getByRole('button', { name: 'Approve', exact: true }).click();
  await popover.approval.getByRole('button', { name: 'Yes, approve' }).dblclick();
  await expect(page.getByRole('article')).toContainText('Procurement Sign-off');
  expect(requests(sim, 'approve')).toBe(1);
  await popover.openActivity();
  await expect(page.getByText('You approved')).toBeVisible();
  // The change was seen (the details show the next step) and recorded. To know that nothing was
  // announced (not merely not yet), someone else now changes another task: its notification, and
  // only it, arrives.
  sim.updateTask(DPO, { assignee_email: 'maria.lopez@acme-legal.example' });
  await popover.backToList();
  await popover.refresh();
  await expect.poll(() => preview.notifications().length).toBe(1);
  expect(preview.notifications()[0]!.taskIds).toEqual([DPO]);
});

test('reject asks for a reason and sends the task back', async ({ sim, popover, page, preview }) => {
  await popover.openTask(AGENCY_TITLE);
  await popover.approval.getByRole('button', { name: 'Reject', exact: true }).click();
  await expect(popover.approval).toContainText('Write why you reject it');
  await popover.decide('Reject', 'Get a second quote');
  // "Purchase Request" is already in the step history, so wait for it as the current step: the
  // details show it only once the rejection was answered and the task re-read.
  await expect(page.getByRole('article').getByText('Purchase Request (intake)', { exact: true })).toBeVisible();
  await expect(popover.approval).toBeHidden();
  expect(sim.getTask(AGENCY)?.step_runs.some((r) => r.status === 'rejected')).toBe(true);
  await popover.openActivity();
  await expect(page.getByText('You rejected: Get a second quote')).toBeVisible();
  expect(preview.notifications()).toEqual([]);
});

test('a decision made by someone else meanwhile: the API’s words, the comment kept, the task re-read', async ({ sim, popover, page }) => {
  await popover.openTask(/DPA - Hooli Cloud Storage/);
  await expect(popover.approval.getByRole('button', { name: 'Approve', exact: true })).toBeVisible();
  sim.decideApproval(DPO, { approved: true, comment: null, by: null });
  await popover.decide('Reject', 'Not yet');
  await expect(popover.approval).toContainText('Task is not awaiting approval');
  await expect(popover.approval.getByRole('textbox', { name: /Comment/ })).toHaveValue('Not yet');
  await expect(page.getByRole('article').getByText('Completed').first()).toBeVisible();
});

test('cancel with its confirmation; a second cancel is refused in the API’s words', async ({ sim, control, popover, page }) => {
  await popover.openTask(/Northwind Traders/);
  await page.getByRole('button', { name: 'Cancel task' }).click();
  await expect(page.getByText('This cannot be undone.')).toBeVisible();
  await page.getByRole('button', { name: 'Yes, cancel the task' }).click();
  await expect(page.getByText('Task cancelled successfully')).toBeVisible();
  expect(sim.getTask(RUNNING)?.status).toBe('cancelled');
  expect(requests(sim, 'cancel')).toBe(1);

  // A refused cancel: the simulator says 409 for the next one.
  await control.fault({ fault: { kind: 'conflict' }, route: 'cancel' });
  await popover.backToList();
  await popover.openTask(AGENCY_TITLE);
  await page.getByRole('button', { name: 'Cancel task' }).click();
  await page.getByRole('button', { name: 'Yes, cancel the task' }).click();
  await expect(page.getByText('Task cannot be cancelled in its current state')).toBeVisible();
});

test('opening a signed document opens the fresh link it got for that click, and only that', async ({ sim, popover, preview }) => {
  await popover.openTask(/NDA - Stark Industries/);
  const signed = popover.documents.getByRole('list', { name: 'Signed documents' });
  await signed.getByRole('button', { name: 'NDA_Stark_Industries_mutual_signed.pdf' }).click();
  await expect(popover.documents.getByText('Opened NDA_Stark_Industries_mutual_signed.pdf.')).toBeVisible();
  const opened = preview.events().filter((e): e is PreviewEvent & { url: string } => e.event === 'open-external' && typeof e.url === 'string');
  expect(opened).toHaveLength(1);
  expect(new URL(opened[0]!.url).host).toBe(FILE_HOST);
  expect(opened[0]!.url).toContain('X-Amz-Signature=');
  // Asked for at the click: the signed-documents route was read again for it.
  expect(requests(sim, 'signed-documents')).toBeGreaterThanOrEqual(2);
});
