/**
 * The action and document endpoints with an injected fetch: what is sent (method, path, body,
 * headers), what comes back (checked against the documented shapes), and every error kind.
 */
import { describe, expect, it } from 'vitest';
import type { Fetch } from '../../../src-main/core/app/ports.ts';
import type { ActionError, ActionResult } from '../../../src-main/core/chamelio/ActionError.ts';
import { ChamelioClient } from '../../../src-main/core/chamelio/ChamelioClient.ts';
import { MAX_COMMENT_CHARS, TaskActionsClient } from '../../../src-main/core/chamelio/TaskActionsClient.ts';

const KEY = 'ca_unitTestKey_9f8e7d6c5b4a';
type Call = { url: string; init: Parameters<Fetch>[1] };

function actionsWith(respond: (call: Call) => Response) {
  const calls: Call[] = [];
  const fetch: Fetch = async (url, init) => {
    calls.push({ url, init });
    return respond({ url, init });
  };
  const client = new ChamelioClient({ fetch, baseUrl: 'https://api.example.com', getApiKey: () => KEY, now: () => 0 });
  return { actions: new TaskActionsClient(client), calls };
}

const json = (body: unknown, status = 200): Response =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });

function errorOf<T>(result: ActionResult<T>): ActionError {
  if (result.ok) throw new Error('expected a failure');
  return result.error;
}

/** The docs' example answers (chamelio-api.md, sections 9–15). */
const APPROVAL = {
  task_id: 12345,
  step_run: { step_run_id: 'sr_abc123', step_id: 'approval_step', step_name: 'Legal Approval', step_type: 'approval', status: 'pending', variables: [] },
  eligible_approvers_active: ['manager@example.com'],
  next_eligible_approvers: ['director@example.com'],
  variables_to_approve: [{ variable_type: 'number', value: 150000, step_id: 'intake_step', variable_id: 'contract_value' }],
  files: [
    {
      file_id: 'att_789',
      file_name: 'contract_draft.pdf',
      content_type: 'application/pdf',
      download_url: 'https://storage.example.com/presigned-url',
      expires_at: '2025-01-20T12:00:00Z',
      variable_id: 'contract_file',
    },
  ],
};
const FILES = {
  task_id: 12345,
  files: [{ file_id: 'document_789', file_name: 'acme_contract.pdf', variable_id: null, created_at: '2025-01-20T10:30:00Z', step_id: 'intake_step' }],
  total_files: 14,
};
const SIGNED = {
  task_id: 12345,
  workflow_status: 'completed',
  total: 1,
  documents: [
    { file_id: 'document_789', file_name: 'signed_contract.pdf', step_id: 'sign_step_1', step_name: 'Executive Signature', download_url: 'https://s3.example.com/x', expires_at: '2025-01-20T12:00:00Z' },
  ],
};
const LINK = { download_url: 'https://s3.example.com/doc', file_name: 'reviewed_contract.pdf', expires_at: '2025-01-20T12:00:00Z' };

describe('TaskActionsClient: requests', () => {
  it('asks for approval details with their files', async () => {
    const { actions, calls } = actionsWith(() => json({ ...APPROVAL, extra: 'tolerated' }));
    expect(await actions.approvalDetails(12345)).toEqual({ ok: true, value: APPROVAL });
    expect(calls[0]!.url).toBe('https://api.example.com/tasks/12345/approval-details?include_files=true');
    expect(calls[0]!.init.method).toBe('GET');
  });

  it('POSTs a decision as JSON, the comment trimmed, and who decides', async () => {
    const { actions, calls } = actionsWith(() => json({ task_id: 12345, status: 'in_progress', approved: false, message: 'Approval submitted successfully' }));
    const result = await actions.approve(12345, { approved: false, comment: '  Cap liability first.  ', user_email: 'you@example.com' });
    expect(result).toEqual({ ok: true, value: { task_id: 12345, status: 'in_progress', approved: false, message: 'Approval submitted successfully' } });
    expect(calls[0]!.url).toBe('https://api.example.com/tasks/12345/approve');
    expect(calls[0]!.init).toMatchObject({ method: 'POST', headers: { 'X-API-Key': KEY, 'Content-Type': 'application/json' }, redirect: 'manual' });
    expect(JSON.parse(calls[0]!.init.body!)).toEqual({ approved: false, comment: 'Cap liability first.', user_email: 'you@example.com' });
  });

  it('leaves an empty comment out, and refuses an over-long one without sending', async () => {
    const { actions, calls } = actionsWith(() => json({ task_id: 1, status: 'in_progress', approved: true, message: 'ok' }));
    await actions.approve(1, { approved: true, comment: '   ' });
    expect(JSON.parse(calls[0]!.init.body!)).toEqual({ approved: true });
    expect(errorOf(await actions.approve(1, { approved: true, comment: 'x'.repeat(MAX_COMMENT_CHARS + 1) }))).toMatchObject({ kind: 'invalid-request' });
    expect(calls).toHaveLength(1);
  });

  it('POSTs a cancel with no body', async () => {
    const { actions, calls } = actionsWith(() => json({ task_id: 7, status: 'cancelled', message: 'Task cancelled successfully' }));
    expect((await actions.cancel(7)).ok).toBe(true);
    expect(calls[0]!.init.method).toBe('POST');
    expect(calls[0]!.init.body).toBeUndefined();
    expect(calls[0]!.init.headers['Content-Type']).toBeUndefined();
  });

  it('reads files, signed documents, a step document and a file link', async () => {
    const answers: Record<string, unknown> = {
      '/tasks/12345/files': FILES,
      '/tasks/12345/signed-documents': SIGNED,
      '/tasks/12345/steps/review%20step/document': LINK,
      '/files/document_789': { file_id: 'document_789', content_type: 'application/pdf', ...LINK },
    };
    const { actions } = actionsWith(({ url }) => json(answers[new URL(url).pathname]));
    expect(await actions.files(12345)).toEqual({ ok: true, value: FILES });
    expect(await actions.signedDocuments(12345)).toEqual({ ok: true, value: SIGNED });
    expect(await actions.stepDocument(12345, 'review step')).toEqual({ ok: true, value: LINK });
    expect(await actions.downloadFile('document_789')).toEqual({ ok: true, value: { file_id: 'document_789', content_type: 'application/pdf', ...LINK } });
  });

  it('sends nothing for ids a URL would resolve away', async () => {
    const { actions, calls } = actionsWith(() => json(LINK));
    expect(errorOf(await actions.downloadFile('..'))).toMatchObject({ kind: 'invalid-request' });
    expect(errorOf(await actions.stepDocument(12345, '.'))).toMatchObject({ kind: 'not-found' });
    expect(errorOf(await actions.cancel(-3))).toMatchObject({ kind: 'not-found' });
    expect(calls).toHaveLength(0);
  });
});

describe('TaskActionsClient: schemas', () => {
  it('reads fields known only from an example as empty when absent', async () => {
    const { files: _files, next_eligible_approvers: _next, variables_to_approve: _values, ...documented } = APPROVAL;
    const { actions } = actionsWith(() => json(documented));
    expect(await actions.approvalDetails(12345)).toMatchObject({ ok: true, value: { files: [], next_eligible_approvers: [], variables_to_approve: [] } });
  });

  it.each<[string, (a: TaskActionsClient) => Promise<ActionResult<unknown>>, unknown, string]>([
    ['approval', (a: TaskActionsClient) => a.approvalDetails(12345), { ...APPROVAL, eligible_approvers_active: 'manager@example.com' }, 'eligible_approvers_active: expected array, got string'],
    ['approval file', (a: TaskActionsClient) => a.approvalDetails(12345), { ...APPROVAL, files: [{ ...APPROVAL.files[0], download_url: 7 }] }, 'files[0].download_url: expected string, got number'],
    ['decision', (a: TaskActionsClient) => a.approve(12345, { approved: true }), { task_id: 12345, status: 'in_progress', approved: 'yes', message: 'ok' }, 'approved: expected boolean, got string'],
    ['files', (a: TaskActionsClient) => a.files(12345), { ...FILES, total_files: -1 }, 'total_files: expected non-negative integer, got negative number'],
    ['signed', (a: TaskActionsClient) => a.signedDocuments(12345), { ...SIGNED, documents: [{ ...SIGNED.documents[0], file_name: null }] }, 'documents[0].file_name: expected string, got null'],
    ['link', (a: TaskActionsClient) => a.downloadFile('document_1'), { ...LINK, expires_at: undefined }, 'expires_at: missing, expected string'],
  ])('refuses a wrong type in the %s answer, naming the field', async (_name, call, body, message) => {
    const { actions } = actionsWith(() => json(body));
    expect(errorOf(await call(actions))).toEqual({ kind: 'bad-response', message: `unexpected response shape: ${message}` });
  });

  it('refuses an answer about another task', async () => {
    const { actions } = actionsWith(() => json({ ...FILES, task_id: 9 }));
    expect(errorOf(await actions.files(12345))).toEqual({ kind: 'bad-response', message: 'task_id: expected 12345, got 9' });
  });
});

describe('TaskActionsClient: errors', () => {
  it.each([
    [409, 'Task cannot be cancelled in its current state', { kind: 'conflict', detail: 'Task cannot be cancelled in its current state' }],
    [501, 'Document not available for this step', { kind: 'no-document', detail: 'Document not available for this step' }],
    [400, 'Invalid file ID format: invalid_id', { kind: 'invalid-request', detail: 'Invalid file ID format: invalid_id' }],
    [403, 'User is not an eligible approver for this step', { kind: 'refused', status: 403, detail: 'User is not an eligible approver for this step' }],
    [422, 'approved: Input should be a valid boolean', { kind: 'refused', status: 422, detail: 'approved: Input should be a valid boolean' }],
    [404, 'File not found', { kind: 'not-found', detail: 'File not found' }],
    [500, 'Failed to cancel task', { kind: 'server', status: 500, detail: 'Failed to cancel task' }],
    [401, 'API key has been revoked', { kind: 'unauthorized', reason: 'key-revoked', detail: 'API key has been revoked' }],
  ])('maps %i to its kind with the API’s own detail', async (status, detail, expected) => {
    const { actions } = actionsWith(() => json({ detail }, status));
    expect(errorOf(await actions.cancel(12345))).toEqual(expected);
  });
});
