/**
 * Acting on a task from the tray: approve, reject, cancel, and its documents. Every request is the
 * user's, so it goes ahead of queued polls but is paid from the same budget (`payFirst`). A decision
 * or a cancellation is sent once however often it is asked for while it is out; after any answer the
 * task is re-read at once, and the change the user's own action caused is recorded as theirs ("You
 * approved") and never notified (OwnChanges). A document is opened only from a link the API gave in
 * answer to that very click, and only when it is https.
 */
import type { ActionError, ActionResult } from '../chamelio/ActionError.ts';
import type { ApiResult } from '../chamelio/ApiError.ts';
import type { Task } from '../chamelio/Task.ts';
import { TaskActionsClient } from '../chamelio/TaskActionsClient.ts';
import type { TaskMonitor } from '../tasks/TaskMonitor.ts';
import type { ApiAccess } from './ApiAccess.ts';
import type { OwnChanges } from './OwnChanges.ts';
import type { PinList } from './PinList.ts';
import { ReadOrder } from './ReadOrder.ts';
import type { Settings } from './Settings.ts';
import { describeApiError } from './describeApiError.ts';
import { EligibleApprovers } from './EligibleApprovers.ts';
import type { ActionFailure, ActionOutcome, ApprovalInput, ApprovalResult, DocumentRef, DocumentsView } from './TaskActionsDto.ts';

/** The parts of the app TaskActions works with, read when needed (AppService owns them). */
interface TaskActionsParts {
  access: ApiAccess;
  /** Pays for the user's requests from the polls' budget, ahead of them; the engine's own at poll priority. */
  monitor: Pick<TaskMonitor, 'whenBudgetAllows' | 'trySpend'>;
  own: OwnChanges;
  pins: Pick<PinList, 'find' | 'has'>;
  settings: Pick<Settings, 'userEmail'>;
  /** Something the snapshot shows changed (an approvers list became known). */
  changed: () => void;
}

/** A link to open, fresh from the API, and its file's name. */
type DocumentLink = { ok: true; url: string; fileName: string } | ActionFailure;

type SignedDocumentOpening = { opened: true; fileName: string } | { opened: false; why: string };

export class TaskActions {
  /** Every task read, polls and re-reads alike, so an older answer is never applied over a newer one. */
  readonly reads = new ReadOrder();
  private readonly parts: () => TaskActionsParts;
  /** Applies a read's answer as a poll's would be. */
  private readonly apply: (taskId: number, result: ApiResult<Task>) => void;
  private readonly inFlight = new Map<string, Promise<ActionOutcome>>();
  /** Who may approve each task's approval step now, for "needs you"; fed by getApproval and by polls. */
  readonly approvers = new EligibleApprovers(() => ({
    approvalDetails: (taskId) => this.deps.client().approvalDetails(taskId),
    trySpend: () => this.parts().monitor.trySpend(),
    changed: () => this.parts().changed(),
  }));

  constructor(parts: () => TaskActionsParts, apply: (taskId: number, result: ApiResult<Task>) => void) {
    this.parts = parts;
    this.apply = apply;
  }

  private get deps() {
    const { access, monitor, own, pins, settings } = this.parts();
    return {
      client: () => new TaskActionsClient(access.client()),
      payFirst: () => monitor.whenBudgetAllows(),
      reread: async (taskId: number): Promise<void> => {
        const result = await this.reads.read(() => access.client().getTask(taskId));
        if (!this.reads.isStale(taskId, result) && pins.has(taskId)) this.apply(taskId, result);
      },
      snapshot: (taskId: number): Task | null => pins.find(taskId)?.snapshot ?? null,
      userEmail: () => settings.userEmail,
      own,
    };
  }

  async getApproval(taskId: number): Promise<ApprovalResult> {
    const answer = await this.paid(() => this.deps.client().approvalDetails(taskId));
    if (!answer.ok) return failed(answer.error);
    const details = answer.value;
    this.approvers.learned(this.deps.snapshot(taskId), details);
    const you = this.deps.userEmail().toLowerCase();
    const approversNow = details.eligible_approvers_active;
    return {
      ok: true,
      approval: {
        taskId,
        stepName: details.step_run.step_name,
        approversNow,
        approversNext: details.next_eligible_approvers,
        youCanApprove: you === '' || approversNow.some((email) => email.toLowerCase() === you),
        values: details.variables_to_approve,
        files: details.files.map((f) => ({ fileId: f.file_id, fileName: f.file_name })),
      },
    };
  }

  /** Approve, or reject with a reason. One request per task while one is out. */
  decideApproval(taskId: number, input: ApprovalInput): Promise<ActionOutcome> {
    const comment = input.comment.trim();
    if (!input.approved && comment === '') return Promise.resolve({ ok: false, kind: 'invalid-request', message: 'Say why you reject it.' });
    const own = input.approved ? (comment ? `You approved: ${comment}` : 'You approved') : `You rejected: ${comment}`;
    const email = this.deps.userEmail();
    return this.once(`decide:${taskId}`, taskId, own, () =>
      this.deps.client().approve(taskId, { approved: input.approved, comment, ...(email ? { user_email: email } : {}) }),
      input.approved ? 'Approved.' : 'Rejected.',
    );
  }

  cancelTask(taskId: number): Promise<ActionOutcome> {
    return this.once(`cancel:${taskId}`, taskId, 'You cancelled', () => this.deps.client().cancel(taskId), 'Cancelled.');
  }

  async getDocuments(taskId: number): Promise<DocumentsView> {
    const task = this.deps.snapshot(taskId);
    const view: DocumentsView = { signed: [], files: [], moreInChamelio: 0, step: null, problems: [] };
    const files = await this.paid(() => this.deps.client().files(taskId));
    if (files.ok) {
      view.files = files.value.files.map((f) => ({ fileId: f.file_id, fileName: f.file_name }));
      view.moreInChamelio = Math.max(0, files.value.total_files - files.value.files.length);
    } else view.problems.push(`Files: ${describeActionError(files.error)}`);
    if (task?.status === 'completed') {
      const signed = await this.paid(() => this.deps.client().signedDocuments(taskId));
      if (signed.ok) view.signed = signed.value.documents.map((d) => ({ fileId: d.file_id, fileName: d.file_name, stepName: d.step_name }));
      else view.problems.push(`Signed documents: ${describeActionError(signed.error)}`);
    }
    const stepId = task?.current_step_id;
    if (task && stepId) {
      const step = await this.paid(() => this.deps.client().stepDocument(taskId, stepId));
      const stepName = task.current_step_name ?? stepId;
      // 501 is quiet: the step simply has no document yet. Other failures are said.
      if (step.ok) view.step = { stepId, stepName, state: 'available' };
      else if (step.error.kind === 'no-document') view.step = { stepId, stepName, state: 'not-produced' };
      else if (step.error.kind !== 'not-found') view.problems.push(`${stepName}: ${describeActionError(step.error)}`);
    }
    return view;
  }

  /** A fresh link for the document, asked for now (links expire); refused unless it is https. */
  async documentLink(taskId: number, ref: DocumentRef): Promise<DocumentLink> {
    const client = this.deps.client();
    let link: ActionResult<{ download_url: string; file_name: string }>;
    if (ref.source === 'step') link = await this.paid(() => client.stepDocument(taskId, ref.stepId));
    else if (ref.source === 'file') link = await this.paid(() => client.downloadFile(ref.fileId));
    else {
      const signed = await this.paid(() => client.signedDocuments(taskId));
      const document = signed.ok ? signed.value.documents.find((d) => d.file_id === ref.fileId) : undefined;
      link = signed.ok ? (document ? { ok: true, value: document } : { ok: false, error: { kind: 'not-found', detail: 'That signed document is no longer there.' } }) : signed;
    }
    return link.ok ? checkedLink(link.value) : failed(link.error);
  }

  /** Asks for a fresh link and hands it to `open` (the browser); only an https link from this answer. */
  async openDocumentWith(taskId: number, ref: DocumentRef, open: (url: string) => unknown): Promise<ActionOutcome> {
    const link = await this.documentLink(taskId, ref);
    if (!link.ok) return link;
    await open(link.url);
    return { ok: true, message: `Opened ${link.fileName}.` };
  }

  /**
   * "Open signed document" on a notification: the task's one signed document, from the list asked
   * for now (its links are fresh). With none, several or a failure nothing is opened and `why` says
   * so; the shell then shows the task, whose Documents section lists what there is.
   */
  async openSignedDocumentWith(taskId: number, open: (url: string) => unknown): Promise<SignedDocumentOpening> {
    const signed = await this.paid(() => this.deps.client().signedDocuments(taskId));
    if (!signed.ok) return { opened: false, why: describeActionError(signed.error) };
    const { documents } = signed.value;
    if (documents.length !== 1) return { opened: false, why: documents.length === 0 ? 'The task has no signed document.' : `The task has ${documents.length} signed documents.` };
    const link = checkedLink(documents[0]!);
    if (!link.ok) return { opened: false, why: link.message };
    await open(link.url);
    return { opened: true, fileName: link.fileName };
  }

  private once(key: string, taskId: number, ownText: string, send: () => Promise<ActionResult<unknown>>, done: string): Promise<ActionOutcome> {
    const running = this.inFlight.get(key);
    if (running) return running;
    const outcome = this.sendThenReread(taskId, ownText, send, done).finally(() => this.inFlight.delete(key));
    this.inFlight.set(key, outcome);
    return outcome;
  }

  private async sendThenReread(taskId: number, ownText: string, send: () => Promise<ActionResult<unknown>>, done: string): Promise<ActionOutcome> {
    // Expected before sending: a poll may see the change before the answer arrives.
    this.deps.own.expect(taskId, ownText);
    const answer = await this.paid(send);
    if (!answer.ok) this.deps.own.forget(taskId);
    await this.deps.payFirst();
    await this.deps.reread(taskId);
    this.deps.own.forget(taskId);
    if (!answer.ok) return failed(answer.error);
    const message = (answer.value as { message?: unknown }).message;
    return { ok: true, message: typeof message === 'string' && message !== '' ? message : done };
  }

  private async paid<T>(send: () => Promise<T>): Promise<T> {
    await this.deps.payFirst();
    return send();
  }
}

function describeActionError(error: ActionError): string {
  switch (error.kind) {
    case 'conflict':
    case 'no-document':
    case 'invalid-request':
    case 'refused':
      return error.detail || 'Chamelio refused this.';
    case 'server':
      return error.detail ? `${error.detail} (HTTP ${error.status}).` : describeApiError(error);
    case 'not-found':
      return error.detail || describeApiError(error);
    default:
      return describeApiError(error);
  }
}

function failed(error: ActionError): ActionFailure {
  return { ok: false, kind: error.kind, message: describeActionError(error) };
}

/** The API's link, refused unless it is https (and carries no credentials). */
function checkedLink(link: { download_url: string; file_name: string }): DocumentLink {
  if (!isHttpsUrl(link.download_url)) return { ok: false, kind: 'bad-response', message: 'Chamelio gave a link that is not https; it was not opened.' };
  return { ok: true, url: link.download_url, fileName: link.file_name };
}

function isHttpsUrl(candidate: string): boolean {
  try {
    const url = new URL(candidate);
    return url.protocol === 'https:' && url.username === '' && url.password === '';
  } catch {
    return false;
  }
}
