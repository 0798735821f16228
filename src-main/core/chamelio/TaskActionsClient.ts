/**
 * The approval, cancel and document endpoints, typed: each answer checked against its schema
 * (validateActions.ts), each failure an ActionError value. Requests go through ChamelioClient's
 * machinery (key header, timeout, capped body, redaction); paying for them from the request budget
 * is the caller's (core/app/TaskActions.ts), as for polls. Nothing here retries: a decision or a
 * cancellation is sent once, and what came back is reported.
 */
import { refineActionError, type ActionResult } from './ActionError.ts';
import type { ChamelioClient, SendInit } from './ChamelioClient.ts';
import type {
  ApprovalDecision,
  ApprovalDetails,
  ApproveResult,
  CancelResult,
  DownloadLink,
  SignedDocuments,
  TaskFiles,
} from './TaskActionTypes.ts';
import type { Validation } from './validate.ts';
import {
  validateApprovalDetails,
  validateApproveResult,
  validateCancelResult,
  validateDownloadLink,
  validateSignedDocuments,
  validateTaskFiles,
} from './validateActions.ts';

/** What the API accepts as a decision's comment; longer text is refused here, before sending. */
export const MAX_COMMENT_CHARS = 5000;

export class TaskActionsClient {
  readonly #client: ChamelioClient;

  constructor(client: ChamelioClient) {
    this.#client = client;
  }

  /** With include_files=true, so the values' files come with download links. */
  approvalDetails(taskId: number): Promise<ActionResult<ApprovalDetails>> {
    return this.#task(taskId, '/approval-details?include_files=true', validateApprovalDetails);
  }

  /** Approve (`approved: true`) or reject, with an optional comment. */
  approve(taskId: number, decision: ApprovalDecision): Promise<ActionResult<ApproveResult>> {
    const comment = decision.comment?.trim() ?? '';
    if (comment.length > MAX_COMMENT_CHARS) {
      return refused({ kind: 'invalid-request', detail: `A comment can be at most ${MAX_COMMENT_CHARS} characters.` });
    }
    const body: ApprovalDecision = { approved: decision.approved === true };
    if (comment !== '') body.comment = comment;
    if (decision.user_email) body.user_email = decision.user_email;
    return this.#task(taskId, '/approve', validateApproveResult, { method: 'POST', body });
  }

  cancel(taskId: number): Promise<ActionResult<CancelResult>> {
    return this.#task(taskId, '/cancel', validateCancelResult, { method: 'POST' });
  }

  files(taskId: number): Promise<ActionResult<TaskFiles>> {
    return this.#task(taskId, '/files', validateTaskFiles);
  }

  signedDocuments(taskId: number): Promise<ActionResult<SignedDocuments>> {
    return this.#task(taskId, '/signed-documents', validateSignedDocuments);
  }

  /** 501 (no-document) while the step has not produced one. */
  stepDocument(taskId: number, stepId: string): Promise<ActionResult<DownloadLink>> {
    const segment = pathSegment(stepId);
    if (segment === null) return refused({ kind: 'not-found', detail: 'Document not found for step' });
    return this.#task(taskId, `/steps/${segment}/document`, validateDownloadLink);
  }

  /** A fresh presigned URL for a document or attachment (`document_{id}`, `attachment_{id}`). */
  async downloadFile(fileId: string): Promise<ActionResult<DownloadLink>> {
    const segment = pathSegment(fileId);
    if (segment === null) return refused({ kind: 'invalid-request', detail: `Invalid file ID format: ${String(fileId).slice(0, 80)}` });
    return this.#send(`/files/${segment}`, validateDownloadLink);
  }

  async #task<T>(taskId: number, rest: string, validate: (json: unknown) => Validation<T>, init?: SendInit): Promise<ActionResult<T>> {
    if (!Number.isSafeInteger(taskId) || taskId <= 0) return refused({ kind: 'not-found', detail: 'Task ids are positive whole numbers.' });
    const result = await this.#send(`/tasks/${taskId}${rest}`, validate, init);
    const answeredId = result.ok ? (result.value as { task_id?: unknown }).task_id : undefined;
    if (answeredId !== undefined && answeredId !== taskId) {
      return refused({ kind: 'bad-response', message: `task_id: expected ${taskId}, got ${String(answeredId)}` });
    }
    return result;
  }

  async #send<T>(path: string, validate: (json: unknown) => Validation<T>, init: SendInit = { method: 'GET' }): Promise<ActionResult<T>> {
    const result = await this.#client.send(path, validate, init);
    return result.ok ? result : { ok: false, error: refineActionError(result.error) };
  }
}

/** An id as one path segment; null for what a URL would resolve away ("", ".", "..") or never is an id. */
function pathSegment(id: unknown): string | null {
  if (typeof id !== 'string') return null;
  const trimmed = id.trim();
  if (trimmed === '' || trimmed === '.' || trimmed === '..' || trimmed.length > 200) return null;
  return encodeURIComponent(trimmed);
}

function refused(error: Extract<ActionResult<never>, { ok: false }>['error']): Promise<{ ok: false; error: typeof error }> {
  return Promise.resolve({ ok: false, error });
}
