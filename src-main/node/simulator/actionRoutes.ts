/**
 * The simulator's routes for acting on a task and reading its documents (the seven endpoints of
 * ../shared/reference/chamelio-api.md sections 9–15): which path is which, and the answer each
 * gives. The simulator checks the key and the rate limit first, exactly as for GET /tasks/{id}.
 */
import type { IncomingMessage } from 'node:http';
import type { Task } from '../../core/chamelio/Task.ts';
import { approvalDetailsOf, cancel, decide, NOT_CANCELLABLE } from './approvals.ts';
import { readJsonObject } from './readJsonObject.ts';
import { isoAt } from './demoTasks.ts';
import { fileLinkOf, listFiles, signedDocumentsOf, stepDocumentOf } from './documents.ts';

export const ACTION_ROUTES = ['approval-details', 'approve', 'cancel', 'files', 'signed-documents', 'step-document', 'file'] as const;
export type ActionRoute = (typeof ACTION_ROUTES)[number];

export interface ActionMatch {
  route: ActionRoute;
  method: 'GET' | 'POST';
  taskId: number | null;
  /** The step id or file id in the path, decoded. */
  id: string | null;
}

const PATTERNS: readonly [RegExp, ActionRoute, 'GET' | 'POST'][] = [
  [/^\/tasks\/([^/]+)\/approval-details$/, 'approval-details', 'GET'],
  [/^\/tasks\/([^/]+)\/approve$/, 'approve', 'POST'],
  [/^\/tasks\/([^/]+)\/cancel$/, 'cancel', 'POST'],
  [/^\/tasks\/([^/]+)\/files$/, 'files', 'GET'],
  [/^\/tasks\/([^/]+)\/signed-documents$/, 'signed-documents', 'GET'],
  [/^\/tasks\/([^/]+)\/steps\/([^/]+)\/document$/, 'step-document', 'GET'],
  [/^\/files\/([^/]+)$/, 'file', 'GET'],
];

/** The 500 `detail` each route documents (or would plausibly send). */
export const SERVER_ERROR_DETAILS: Readonly<Record<ActionRoute, string>> = {
  'approval-details': 'Failed to get approval details',
  approve: 'Failed to submit approval',
  cancel: 'Failed to cancel task',
  files: 'Failed to list task files',
  'signed-documents': 'Failed to get signed documents',
  'step-document': 'Failed to download step document',
  file: 'Failed to download file',
};

/** The 409 a 'conflict' fault sends: for an approval, someone else decided it first. */
export const CONFLICT_DETAILS: Readonly<Partial<Record<ActionRoute, string>>> = {
  approve: 'Approval has already been decided by another approver',
  cancel: NOT_CANCELLABLE,
};

export function matchActionRoute(path: string): ActionMatch | null {
  for (const [pattern, route, method] of PATTERNS) {
    const match = pattern.exec(path);
    if (!match) continue;
    const first = decode(match[1] ?? '');
    if (route === 'file') return { route, method, taskId: null, id: first };
    const taskId = /^\d{1,15}$/.test(first) ? Number(first) : null;
    return { route, method, taskId, id: match[2] === undefined ? null : decode(match[2]) };
  }
  return null;
}

/** Where the simulator keeps its tasks, as the routes see it. */
export interface ActionStore {
  get(taskId: number): Task | undefined;
  set(taskId: number, task: Task): void;
  all(): Iterable<Task>;
  now(): number;
}

type Answer = { status: number; body: unknown };

export async function answerAction(store: ActionStore, match: ActionMatch, req: IncomingMessage): Promise<Answer> {
  const now = store.now();
  if (match.route === 'file') return fileLinkOf(store.all(), match.id ?? '', now);
  const task = match.taskId === null ? undefined : store.get(match.taskId);
  if (!task) return { status: 404, body: { detail: 'Task not found' } };
  switch (match.route) {
    case 'approval-details':
      return approvalDetailsOf(task, now);
    case 'files':
      return { status: 200, body: listFiles(task) };
    case 'signed-documents':
      return { status: 200, body: signedDocumentsOf(task, now) };
    case 'step-document':
      return stepDocumentOf(task, match.id ?? '', now);
    case 'cancel':
      return stored(store, cancel(task, isoAt(now)));
    case 'approve': {
      const decision = await readDecision(req);
      return 'detail' in decision ? { status: 422, body: decision } : stored(store, decide(task, decision, isoAt(now)));
    }
  }
}

function stored(store: ActionStore, outcome: { status: number; body: unknown; task?: Task }): Answer {
  if (outcome.task) store.set(outcome.task.task_id, outcome.task);
  return { status: outcome.status, body: outcome.body };
}

/** The approve body, checked the way FastAPI would: `approved` is required and a boolean. */
async function readDecision(req: IncomingMessage): Promise<{ approved: boolean; comment: string | null; by: string | null } | { detail: string }> {
  let body: Record<string, unknown>;
  try {
    body = await readJsonObject(req);
  } catch {
    return { detail: 'Invalid JSON body' };
  }
  const { approved, comment, user_email: by } = body;
  if (typeof approved !== 'boolean') return { detail: 'approved: Input should be a valid boolean' };
  if (comment !== undefined && comment !== null && typeof comment !== 'string') return { detail: 'comment: Input should be a valid string' };
  if (by !== undefined && by !== null && typeof by !== 'string') return { detail: 'user_email: Input should be a valid string' };
  return { approved, comment: comment ?? null, by: by ?? null };
}

function decode(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}
