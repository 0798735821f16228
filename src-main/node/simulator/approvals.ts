/**
 * The simulated organisation's approvals and cancellations: what GET approval-details shows, how
 * POST approve moves the workflow on (approve: the next step; reject: back to the step before, with
 * the approval's step run marked rejected), and POST cancel. Pure functions over a Task; the
 * simulator stores what they return. Undocumented answers (409 when nothing awaits approval, 403
 * for someone who may not approve) use wording a FastAPI service would.
 */
import { isTerminalStatus, type Task, type TaskVariable } from '../../core/chamelio/Task.ts';
import type { ApprovalDetails } from '../../core/chamelio/TaskActionTypes.ts';
import { DEMO_USER_EMAIL, DEMO_WORKFLOWS } from './demoWorkflows.ts';
import { contentType, fileVariables, presign } from './documents.ts';
import { advance, clearCurrentStep, lastRunOf, newRun } from './evolveTask.ts';

export type Outcome<T> = { status: 200; body: T; task?: Task } | { status: number; body: { detail: string } };

export interface Decision {
  approved: boolean;
  comment: string | null;
  /** Who decides; null = the API key's owner (the demo user). */
  by: string | null;
}

const NOT_AWAITING_APPROVAL = 'Task is not awaiting approval';
const NOT_ELIGIBLE = 'User is not an eligible approver for this step';
export const NOT_CANCELLABLE = 'Task cannot be cancelled in its current state';

function awaitsApproval(task: Task): boolean {
  return task.current_step_type === 'approval' && !isTerminalStatus(task.status) && task.status !== 'created';
}

/** The step's holder, and whoever else its workflow lets approve it. */
function eligible(task: Task): string[] {
  const also = DEMO_WORKFLOWS[task.workflow_id]?.steps.find((s) => s.step_id === task.current_step_id)?.alsoApprovedBy ?? [];
  return [...new Set([...(task.assignee_email ? [task.assignee_email] : []), ...also])];
}

/** Who holds the approval after this one, when the next step is an approval too. */
function nextApprovers(task: Task): string[] {
  const steps = DEMO_WORKFLOWS[task.workflow_id]?.steps ?? [];
  const following = steps[steps.findIndex((s) => s.step_id === task.current_step_id) + 1];
  return following?.step_type === 'approval' && following.assignee ? [following.assignee] : [];
}

export function approvalDetailsOf(task: Task, now: number): Outcome<ApprovalDetails> {
  const run = lastRunOf(task, task.current_step_id);
  if (!awaitsApproval(task) || !run) return { status: 409, body: { detail: NOT_AWAITING_APPROVAL } };
  const toApprove: TaskVariable[] = task.variables.filter((v) => v.step_id !== run.step_id);
  return {
    status: 200,
    body: {
      task_id: task.task_id,
      step_run: structuredClone(run),
      eligible_approvers_active: eligible(task),
      next_eligible_approvers: nextApprovers(task),
      variables_to_approve: structuredClone(toApprove),
      files: fileVariables(task).map((file) => ({ ...file, content_type: contentType(file.file_name), ...presign(file.file_id, file.file_name, now) })),
    },
  };
}

export function decide(task: Task, decision: Decision, at: string): Outcome<{ task_id: number; status: string; approved: boolean; message: string }> {
  if (!awaitsApproval(task)) return { status: 409, body: { detail: NOT_AWAITING_APPROVAL } };
  if (!eligible(task).includes(decision.by ?? DEMO_USER_EMAIL)) return { status: 403, body: { detail: NOT_ELIGIBLE } };
  const next = structuredClone(task);
  next.updated_at = at;
  const run = lastRunOf(next, next.current_step_id)!;
  if (decision.comment) {
    run.variables.push({ variable_type: 'text', value: decision.comment, step_id: run.step_id, variable_id: 'approval_comment' });
  }
  if (decision.approved) advance(next);
  else sendBack(next);
  // advance marks the run completed; a rejection leaves it rejected.
  if (!decision.approved) run.status = 'rejected';
  next.variables = next.step_runs.flatMap((r) => structuredClone(r.variables));
  const body = { task_id: task.task_id, status: next.status, approved: decision.approved, message: 'Approval submitted successfully' };
  return { status: 200, body, task: next };
}

export function cancel(task: Task, at: string): Outcome<{ task_id: number; status: string; message: string }> {
  if (task.status !== 'pending' && task.status !== 'in_progress') return { status: 409, body: { detail: NOT_CANCELLABLE } };
  const next = structuredClone(task);
  next.updated_at = at;
  const run = lastRunOf(next, next.current_step_id);
  if (run) run.status = 'cancelled';
  next.status = 'cancelled';
  clearCurrentStep(next);
  return { status: 200, body: { task_id: task.task_id, status: 'cancelled', message: 'Task cancelled successfully' }, task: next };
}

/** A rejection returns the task to the last step before the approval that a person holds. */
function sendBack(task: Task): void {
  const steps = DEMO_WORKFLOWS[task.workflow_id]?.steps ?? [];
  const index = steps.findIndex((s) => s.step_id === task.current_step_id);
  const back = steps.slice(0, Math.max(0, index)).reverse().find((s) => s.assignee !== null) ?? steps[0];
  if (!back) return;
  task.status = 'in_progress';
  task.current_step_id = back.step_id;
  task.current_step_name = back.step_name;
  task.current_step_type = back.step_type;
  task.assignee_email = back.assignee ?? task.owner_email;
  task.step_runs.push(newRun(task, back, 'in_progress'));
}
