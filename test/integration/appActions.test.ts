/**
 * Acting from the tray, end to end in the engine: the real AppService and client against the real
 * simulator over HTTP, on a fake clock. Decisions are sent once, the task is re-read at once (no
 * poll is due yet when the answer is checked), the user's own change is recorded as theirs and never
 * notified, and every request stays inside the budget.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { demoTasks } from '../../src-main/node/simulator/demoTasks.ts';
import { DEMO_USER_EMAIL } from '../../src-main/node/simulator/demoWorkflows.ts';
import { FILE_HOST } from '../../src-main/node/simulator/documents.ts';
import { startHarness, type Harness } from '../support/harness.ts';

const DPO = 12353;
const AGENCY = 12355;
const SIGNED_NDA = 12356;
const LAPTOPS = 12348;
let h: Harness;
afterEach(async () => {
  await h?.close();
});

async function withDemo(ids: number[], rateLimitPerMinute?: number) {
  h = await startHarness({ rateLimitPerMinute });
  for (const task of demoTasks(h.clock.now())) h.simulator.setTask(task);
  await h.app.updateSettings({ userEmail: DEMO_USER_EMAIL });
  await h.app.pin(ids.join(' '));
  await h.run(3_000);
}
const requests = (route: string) => h.simulator.stats().requests.filter((r) => r.route === route).length;
const snapshot = (id: number) => h.app.getTaskDetail(id)!.task!;
const activityOf = (id: number) => h.app.getState().activity.filter((a) => a.taskId === id).map((a) => a.text);

describe('approving and rejecting from the app', () => {
  it('sends one decision however often it is asked, re-reads at once, records it as yours and notifies nothing', async () => {
    await withDemo([AGENCY]);
    const first = h.app.actions.decideApproval(AGENCY, { approved: true, comment: 'Within budget' });
    const second = h.app.actions.decideApproval(AGENCY, { approved: true, comment: 'Within budget' });
    expect(await first).toEqual({ ok: true, message: 'Approval submitted successfully' });
    expect(await second).toEqual(await first);
    expect(requests('approve')).toBe(1);
    // No poll was due: the new step is known because the task was re-read straight after the answer.
    expect(snapshot(AGENCY)).toMatchObject({ current_step_id: 'procurement_signoff', assignee_email: 'procurement@acme-legal.example' });
    expect(activityOf(AGENCY)).toEqual(['You approved: Within budget']);
    await h.run(120_000);
    expect(h.notifications).toEqual([]);
    expect(h.app.getState().tasks[0]!.unseen).toBe(false);
  });

  it('a rejection needs a reason, and is recorded with it', async () => {
    await withDemo([AGENCY]);
    expect(await h.app.actions.decideApproval(AGENCY, { approved: false, comment: '  ' })).toMatchObject({ ok: false, kind: 'invalid-request' });
    expect(requests('approve')).toBe(0);
    expect(await h.app.actions.decideApproval(AGENCY, { approved: false, comment: 'Get a second quote' })).toMatchObject({ ok: true });
    expect(snapshot(AGENCY).current_step_id).toBe('purchase_request');
    expect(activityOf(AGENCY)).toEqual(['You rejected: Get a second quote']);
    await h.run(60_000);
    expect(h.notifications).toEqual([]);
  });

  it('a decision made by someone else meanwhile: the API’s words, the task re-read, and that change notified', async () => {
    await withDemo([DPO]);
    h.simulator.decideApproval(DPO, { approved: true, comment: null, by: null });
    const outcome = await h.app.actions.decideApproval(DPO, { approved: false, comment: 'Not yet' });
    expect(outcome).toEqual({ ok: false, kind: 'conflict', message: 'Task is not awaiting approval' });
    expect(snapshot(DPO).status).toBe('completed');
    await h.run(3_000);
    expect(h.notifications).toHaveLength(1); // someone else's change is news
    expect(activityOf(DPO).some((text) => text.startsWith('You'))).toBe(false);
  });

  it('shows who can approve now and next, the values and the files', async () => {
    await withDemo([AGENCY]);
    const result = await h.app.actions.getApproval(AGENCY);
    expect(result).toMatchObject({
      ok: true,
      approval: { stepName: 'Manager Approval', approversNow: [DEMO_USER_EMAIL], approversNext: ['procurement@acme-legal.example'], youCanApprove: true },
    });
    expect(result.ok && result.approval.files).toHaveLength(12);
  });
});

describe('cancelling from the app', () => {
  it('cancels once, records it as yours; a second cancel is refused in the API’s words', async () => {
    await withDemo([12345]);
    const [a, b] = await Promise.all([h.app.actions.cancelTask(12345), h.app.actions.cancelTask(12345)]);
    expect(a).toEqual({ ok: true, message: 'Task cancelled successfully' });
    expect(b).toEqual(a);
    expect(requests('cancel')).toBe(1);
    expect(snapshot(12345).status).toBe('cancelled');
    expect(activityOf(12345)).toEqual(['You cancelled']);
    expect(await h.app.actions.cancelTask(12345)).toEqual({ ok: false, kind: 'conflict', message: 'Task cannot be cancelled in its current state' });
    await h.run(60_000);
    expect(h.notifications).toEqual([]);
  });
});

describe('documents from the app', () => {
  it('lists files (ten, and how many more), the step document quietly "not produced", and signed documents', async () => {
    await withDemo([AGENCY, SIGNED_NDA]);
    const agency = await h.app.actions.getDocuments(AGENCY);
    expect(agency).toMatchObject({ moreInChamelio: 3, step: { stepId: 'manager_approval', state: 'not-produced' }, problems: [], signed: [] });
    expect(agency.files).toHaveLength(10);
    const nda = await h.app.actions.getDocuments(SIGNED_NDA);
    expect(nda.signed).toEqual([{ fileId: 'document_123563', fileName: 'NDA_Stark_Industries_mutual_signed.pdf', stepName: 'Countersignature' }]);
  });

  it('opens a document only from a fresh https link asked for at that moment', async () => {
    await withDemo([SIGNED_NDA]);
    const opened: string[] = [];
    const before = requests('signed-documents');
    expect(await h.app.actions.openDocumentWith(SIGNED_NDA, { source: 'signed', fileId: 'document_123563' }, (url) => opened.push(url))).toEqual({
      ok: true,
      message: 'Opened NDA_Stark_Industries_mutual_signed.pdf.',
    });
    await h.app.actions.openDocumentWith(SIGNED_NDA, { source: 'file', fileId: 'document_90555' }, (url) => opened.push(url));
    expect(requests('signed-documents')).toBe(before + 1);
    expect(requests('file')).toBe(1);
    expect(opened.map((url) => new URL(url).host)).toEqual([FILE_HOST, FILE_HOST]);
    expect(await h.app.actions.openDocumentWith(SIGNED_NDA, { source: 'file', fileId: 'invalid_id' }, (url) => opened.push(url))).toEqual({
      ok: false,
      kind: 'invalid-request',
      message: 'Invalid file ID format: invalid_id',
    });
    expect(opened).toHaveLength(2);
  });

  it('"Open signed document" on a notification opens the one signed document, from one fresh answer', async () => {
    await withDemo([SIGNED_NDA, LAPTOPS]);
    const opened: string[] = [];
    const before = requests('signed-documents');
    expect(await h.app.actions.openSignedDocumentWith(SIGNED_NDA, (url) => opened.push(url))).toEqual({ opened: true, fileName: 'NDA_Stark_Industries_mutual_signed.pdf' });
    expect(requests('signed-documents')).toBe(before + 1);
    expect(opened.map((url) => new URL(url))).toMatchObject([{ protocol: 'https:', host: FILE_HOST }]);
    // A finished purchase has no signature step: nothing opens, and the shell is told why.
    expect(await h.app.actions.openSignedDocumentWith(LAPTOPS, (url) => opened.push(url))).toEqual({ opened: false, why: 'The task has no signed document.' });
    h.simulator.injectFault({ kind: 'server-error' }, { times: 1, route: 'signed-documents' });
    const failed = await h.app.actions.openSignedDocumentWith(SIGNED_NDA, (url) => opened.push(url));
    expect(failed).toMatchObject({ opened: false, why: expect.stringMatching(/HTTP 500/) });
    expect(opened).toHaveLength(1);
  });
});

describe('the budget, while actions and polls mix', () => {
  it('never sends a request over the budget, counted by the simulator', async () => {
    const ids = demoTasks(0).map((t) => t.task_id);
    await withDemo(ids, 12); // budget: half of 12 a minute, shared by twelve pinned tasks and the user
    const budget = h.app.requestStats().budgetPerMinute;
    const asked = [h.app.actions.getDocuments(AGENCY), h.app.actions.getApproval(DPO), h.app.actions.decideApproval(AGENCY, { approved: true, comment: '' }), h.app.actions.cancelTask(12345)];
    await h.run(5 * 60_000);
    const answers = await Promise.all(asked);
    expect(answers[2]).toMatchObject({ ok: true });
    expect(answers[3]).toMatchObject({ ok: true });
    expect(h.simulator.stats().rateLimited).toBe(0);
    expect(h.simulator.maxRequestsInAnyMinute()).toBeLessThanOrEqual(budget);
    expect(requests('tasks')).toBeGreaterThan(ids.length); // polls went on meanwhile
  });
});
