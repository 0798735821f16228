/**
 * The real TaskActionsClient against the real simulator over HTTP on 127.0.0.1: each of the seven
 * endpoints, what it does to the simulated workflow, and each documented (and injected) error.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { ActionError, ActionResult } from '../../src-main/core/chamelio/ActionError.ts';
import { ChamelioClient } from '../../src-main/core/chamelio/ChamelioClient.ts';
import { TaskActionsClient } from '../../src-main/core/chamelio/TaskActionsClient.ts';
import { ChamelioSimulator } from '../../src-main/node/simulator/ChamelioSimulator.ts';
import { DEMO_PEOPLE } from '../../src-main/node/simulator/demoWorkflows.ts';
import { demoTasks } from '../../src-main/node/simulator/demoTasks.ts';
import { FILE_HOST } from '../../src-main/node/simulator/documents.ts';

const T0 = Date.UTC(2026, 10, 30, 9, 0, 0);
const DPO = 12353; // DPO approval, waiting for you, last step
const AGENCY = 12355; // manager approval (you), then procurement's sign-off; twelve attachments
const SIGNED_NDA = 12356; // completed, with a countersignature
let sim: ChamelioSimulator;
let actions: TaskActionsClient;
let client: ChamelioClient;

beforeAll(async () => {
  sim = await ChamelioSimulator.start({ demo: true, enforceRateLimit: false, now: () => T0 });
  client = new ChamelioClient({ fetch, baseUrl: sim.url, getApiKey: () => sim.apiKey, now: () => T0, timeoutMs: 2_000 });
  actions = new TaskActionsClient(client);
});
afterAll(async () => {
  await sim.close();
});
beforeEach(() => {
  sim.clearFaults();
  for (const task of demoTasks(T0)) sim.setTask(task);
});

function valueOf<T>(result: ActionResult<T>): T {
  if (!result.ok) throw new Error(`expected success, got ${JSON.stringify(result.error)}`);
  return result.value;
}
function errorOf<T>(result: ActionResult<T>): ActionError {
  if (result.ok) throw new Error('expected a failure');
  return result.error;
}
async function taskNow(id: number) {
  const result = await client.getTask(id);
  if (!result.ok) throw new Error('task not readable');
  return result.value;
}
const presigned = (url: string): boolean => new URL(url).protocol === 'https:' && new URL(url).host === FILE_HOST && url.includes('X-Amz-Signature=');

describe('approval details', () => {
  it('show the pending step, who may approve now and next, the values and their files with fresh links', async () => {
    const details = valueOf(await actions.approvalDetails(AGENCY));
    expect(details.step_run).toMatchObject({ step_id: 'manager_approval', step_type: 'approval', status: 'pending' });
    expect(details.eligible_approvers_active).toEqual([DEMO_PEOPLE.you]);
    expect(details.next_eligible_approvers).toEqual([DEMO_PEOPLE.procurement]);
    expect(details.variables_to_approve.map((v) => v.variable_id)).toContain('amount');
    expect(details.files).toHaveLength(12);
    expect(details.files.every((f) => presigned(f.download_url))).toBe(true);
    expect(Date.parse(details.files[0]!.expires_at)).toBeGreaterThan(T0);
  });

  it('are a 409 for a task that is not at an approval', async () => {
    expect(errorOf(await actions.approvalDetails(12345))).toEqual({ kind: 'conflict', detail: 'Task is not awaiting approval' });
  });
});

describe('approve and reject', () => {
  it('approving moves the workflow on to the next approver', async () => {
    const answer = valueOf(await actions.approve(AGENCY, { approved: true, comment: 'Within budget.' }));
    expect(answer).toEqual({ task_id: AGENCY, status: 'pending', approved: true, message: 'Approval submitted successfully' });
    const task = await taskNow(AGENCY);
    expect(task).toMatchObject({ current_step_id: 'procurement_signoff', assignee_email: DEMO_PEOPLE.procurement, updated_at: '2026-11-30T09:00:00Z' });
    const decided = task.step_runs.find((r) => r.step_id === 'manager_approval')!;
    expect(decided.status).toBe('completed');
    expect(decided.variables).toContainEqual(expect.objectContaining({ variable_id: 'approval_comment', value: 'Within budget.' }));
  });

  it('approving the last approval completes the task', async () => {
    valueOf(await actions.approve(DPO, { approved: true }));
    expect(await taskNow(DPO)).toMatchObject({ status: 'completed', current_step_id: null, completed_at: '2026-11-30T09:00:00Z' });
  });

  it('rejecting sends the task back, the approval’s step run marked rejected', async () => {
    expect(valueOf(await actions.approve(AGENCY, { approved: false, comment: 'Get a second quote.' }))).toMatchObject({ approved: false, status: 'in_progress' });
    const task = await taskNow(AGENCY);
    expect(task).toMatchObject({ status: 'in_progress', current_step_id: 'purchase_request', assignee_email: DEMO_PEOPLE.sam });
    expect(task.step_runs.map((r) => [r.step_id, r.status]).slice(-2)).toEqual([
      ['manager_approval', 'rejected'],
      ['purchase_request', 'in_progress'],
    ]);
  });

  it('refuses someone who may not approve, in the API’s words (403)', async () => {
    expect(errorOf(await actions.approve(AGENCY, { approved: true, user_email: DEMO_PEOPLE.dev }))).toEqual({
      kind: 'refused',
      status: 403,
      detail: 'User is not an eligible approver for this step',
    });
    expect((await taskNow(AGENCY)).current_step_id).toBe('manager_approval');
  });

  it('is a 409 when someone else decided first', async () => {
    expect(sim.decideApproval(DPO, { approved: true, comment: null, by: null }).status).toBe(200);
    expect(errorOf(await actions.approve(DPO, { approved: false, comment: 'Too late' }))).toEqual({ kind: 'conflict', detail: 'Task is not awaiting approval' });
    // At the next level the key's owner is no longer the approver.
    sim.decideApproval(AGENCY, { approved: true, comment: null, by: null });
    expect(errorOf(await actions.approve(AGENCY, { approved: true }))).toMatchObject({ kind: 'refused', status: 403 });
  });

  it('can be told to answer 409 (decided elsewhere) or slowly', async () => {
    sim.injectFault({ kind: 'conflict' }, { route: 'approve', taskId: AGENCY });
    expect(errorOf(await actions.approve(AGENCY, { approved: true }))).toEqual({ kind: 'conflict', detail: 'Approval has already been decided by another approver' });
    sim.injectFault({ kind: 'slow', delayMs: 50 }, { route: 'approve' });
    expect(valueOf(await actions.approve(AGENCY, { approved: true })).approved).toBe(true);
  });
});

describe('cancel', () => {
  it('cancels a running task, then refuses to cancel it again (409)', async () => {
    expect(valueOf(await actions.cancel(12345))).toEqual({ task_id: 12345, status: 'cancelled', message: 'Task cancelled successfully' });
    expect(await taskNow(12345)).toMatchObject({ status: 'cancelled', current_step_id: null });
    expect(errorOf(await actions.cancel(12345))).toEqual({ kind: 'conflict', detail: 'Task cannot be cancelled in its current state' });
  });

  it('reports a missing task and an injected server failure in the documented words', async () => {
    expect(errorOf(await actions.cancel(999))).toEqual({ kind: 'not-found', detail: 'Task not found' });
    sim.injectFault({ kind: 'server-error' }, { route: 'cancel' });
    expect(errorOf(await actions.cancel(12345))).toEqual({ kind: 'server', status: 500, detail: 'Failed to cancel task' });
  });
});

describe('documents', () => {
  it('lists at most ten files with the total', async () => {
    const listed = valueOf(await actions.files(AGENCY));
    expect(listed.files).toHaveLength(10);
    expect(listed.total_files).toBe(13); // twelve attachments and the budget check’s report
  });

  it('gives the signed documents of a completed task with presigned links', async () => {
    const signed = valueOf(await actions.signedDocuments(SIGNED_NDA));
    expect(signed).toMatchObject({ workflow_status: 'completed', total: 1 });
    expect(signed.documents[0]).toMatchObject({ step_id: 'nda_signature', file_name: 'NDA_Stark_Industries_mutual_signed.pdf' });
    expect(presigned(signed.documents[0]!.download_url)).toBe(true);
    expect(valueOf(await actions.signedDocuments(DPO)).documents).toEqual([]);
  });

  it('gives a step’s document, 501 before it exists, 404 for no such step', async () => {
    expect(presigned(valueOf(await actions.stepDocument(SIGNED_NDA, 'nda_generate')).download_url)).toBe(true);
    expect(errorOf(await actions.stepDocument(DPO, 'dpo_approval'))).toEqual({ kind: 'no-document', detail: 'Document not available for this step' });
    expect(errorOf(await actions.stepDocument(DPO, 'no_such_step'))).toEqual({ kind: 'not-found', detail: 'Document not found for step' });
  });

  it('gives a fresh link for a file, 400 for a malformed id, 404 for an unknown one', async () => {
    const link = valueOf(await actions.downloadFile('attachment_5521'));
    expect(link).toMatchObject({ file_id: 'attachment_5521', file_name: 'Hooli_DPA_2026.pdf', content_type: 'application/pdf' });
    expect(presigned(link.download_url)).toBe(true);
    expect(errorOf(await actions.downloadFile('invalid_id'))).toEqual({ kind: 'invalid-request', detail: 'Invalid file ID format: invalid_id' });
    expect(errorOf(await actions.downloadFile('document_1'))).toEqual({ kind: 'not-found', detail: 'File not found' });
  });

  it('each route can be told to fail on its own', async () => {
    sim.injectFault({ kind: 'server-error' }, { route: 'file' });
    expect(errorOf(await actions.downloadFile('attachment_5521'))).toEqual({ kind: 'server', status: 500, detail: 'Failed to download file' });
    sim.injectFault({ kind: 'not-found' }, { route: 'signed-documents' });
    expect(errorOf(await actions.signedDocuments(SIGNED_NDA))).toMatchObject({ kind: 'not-found' });
    expect(valueOf(await actions.files(AGENCY)).total_files).toBe(13);
  });

  it('counts every action and document request as an API request, by route', async () => {
    const before = sim.stats().requests.length;
    await actions.files(AGENCY);
    await actions.cancel(12345);
    expect(sim.stats().requests.slice(before).map((r) => [r.route, r.status])).toEqual([
      ['files', 200],
      ['cancel', 200],
    ]);
  });
});
