/**
 * Who may approve a task's approval step right now, as GET approval-details last said
 * (`eligible_approvers_active`), and the "needs you" rule that uses it. The Task itself names only
 * the assignee, so the engine remembers the list per step run: when the user opens the approval,
 * and once by itself when a poll shows the task newly waiting at an approval step. That lookup is
 * the engine's own request: paid from the same budget at poll priority (behind the user's waiting
 * requests, never past the budget); when the budget has no room it is tried at the next poll. A
 * failure (409 "not awaiting approval", network, 5xx) is quiet: the assignee rule stands and the
 * same step run is not asked again; a new step run is.
 */
import type { ActionResult } from '../chamelio/ActionError.ts';
import { isTerminalStatus, type Task } from '../chamelio/Task.ts';
import type { ApprovalDetails } from '../chamelio/TaskActionTypes.ts';
import { isUserEmail } from '../notify/describeChange.ts';

/** The approvers-now list of a task's current step run; null when the engine does not know it. */
export type ApproversNow = (task: Task) => readonly string[] | null;

/**
 * "Needs you": a task not finished whose assignee is you, or, at an approval step whose list is
 * known, one you are in. The docs do not say what it means when the list is known and leaves out
 * the assignee; the assignee rule is kept then (decided here): the task is still in their name,
 * and Chamelio's own screens show it as theirs.
 */
export function needsYou(task: Task | null, userEmail: string, approversNow: readonly string[] | null): boolean {
  if (task === null || isTerminalStatus(task.status)) return false;
  if (isUserEmail(task.assignee_email, userEmail)) return true;
  return task.current_step_type === 'approval' && approversNow !== null && approversNow.some((email) => isUserEmail(email, userEmail));
}

/**
 * Names one run of the current approval step: a new run (a rejection sent it back and it came round
 * again) or another step is a new key. Null when the task waits at no approval step.
 */
export function approvalRunKey(task: Task): string | null {
  if (task.current_step_type !== 'approval' || task.current_step_id === null || isTerminalStatus(task.status)) return null;
  return `${task.current_step_id}#${task.step_runs.length}`;
}

interface ApproverLookupParts {
  approvalDetails: (taskId: number) => Promise<ActionResult<ApprovalDetails>>;
  /** Pays for one request at poll priority; false when the budget has no room now. */
  trySpend: () => boolean;
  /** A list became known: the snapshot's groups may have moved. */
  changed: () => void;
}

interface RunApprovers {
  key: string;
  /** null while asked and not answered, or when the answer was a failure. */
  approvers: readonly string[] | null;
}

export class EligibleApprovers {
  private readonly runs = new Map<number, RunApprovers>();
  private readonly parts: () => ApproverLookupParts;

  constructor(parts: () => ApproverLookupParts) {
    this.parts = parts;
  }

  readonly approversNow: ApproversNow = (task) => {
    const known = this.runs.get(task.task_id);
    return known !== undefined && known.key === approvalRunKey(task) ? known.approvers : null;
  };

  /** An approval-details answer the user asked for: remembered for the run it describes. */
  learned(task: Task | null, details: ApprovalDetails): void {
    const key = task === null ? null : approvalRunKey(task);
    if (task === null || key === null || details.step_run.step_id !== task.current_step_id) return;
    this.runs.set(task.task_id, { key, approvers: [...details.eligible_approvers_active] });
    this.parts().changed();
  }

  /** After a poll: a task newly at an approval step run is looked up once, if the budget allows now. */
  polled(task: Task | null): void {
    if (task === null) return;
    const key = approvalRunKey(task);
    if (key === null) return void this.runs.delete(task.task_id);
    if (this.runs.get(task.task_id)?.key === key) return; // asked already (answered, failed or out)
    const parts = this.parts();
    if (!parts.trySpend()) return;
    const run: RunApprovers = { key, approvers: null };
    this.runs.set(task.task_id, run);
    void parts.approvalDetails(task.task_id).then((answer) => {
      if (!answer.ok || this.runs.get(task.task_id) !== run || answer.value.step_run.step_id !== task.current_step_id) return;
      run.approvers = [...answer.value.eligible_approvers_active];
      this.parts().changed();
    });
  }

  forget(taskId: number): void {
    this.runs.delete(taskId);
  }

  /** Another state or server: nothing known carries over (an answer still out is then dropped). */
  clear(): void {
    this.runs.clear();
  }
}
