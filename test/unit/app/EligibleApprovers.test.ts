import { describe, expect, it } from 'vitest';
import type { ActionResult } from '../../../src-main/core/chamelio/ActionError.ts';
import type { ApprovalDetails } from '../../../src-main/core/chamelio/TaskActionTypes.ts';
import { approvalRunKey, EligibleApprovers, needsYou } from '../../../src-main/core/app/EligibleApprovers.ts';
import { makeTask } from '../../support/makeTask.ts';

const ME = 'me@example.com';
const run = (step_id: string) => ({ step_run_id: `sr_${step_id}`, step_id, step_name: step_id, step_type: 'approval', status: 'pending', variables: [] });
const atApproval = (over: Parameters<typeof makeTask>[0] = {}) =>
  makeTask({ status: 'pending', current_step_id: 'board', current_step_name: 'Board', current_step_type: 'approval', assignee_email: 'sam@example.com', step_runs: [run('board')], ...over });
const details = (step_id: string, approvers: string[]): ApprovalDetails => ({
  task_id: 12345,
  step_run: run(step_id),
  eligible_approvers_active: approvers,
  next_eligible_approvers: [],
  variables_to_approve: [],
  files: [],
});

describe('needsYou', () => {
  it('the assignee rule when no list is known', () => {
    expect(needsYou(atApproval({ assignee_email: 'ME@example.com' }), ME, null)).toBe(true);
    expect(needsYou(atApproval(), ME, null)).toBe(false);
  });

  it('an approver now who is not the assignee needs to act; someone left out of the list does not', () => {
    expect(needsYou(atApproval(), ME, ['sam@example.com', ' Me@Example.com '])).toBe(true);
    expect(needsYou(atApproval(), ME, ['sam@example.com'])).toBe(false);
  });

  it('the assignee left out of a known list still needs to act (the docs do not say; the assignee rule is kept)', () => {
    expect(needsYou(atApproval({ assignee_email: ME }), ME, ['sam@example.com'])).toBe(true);
  });

  it('never for a finished task, an unknown user, or a list away from an approval step', () => {
    expect(needsYou(atApproval({ status: 'completed' }), ME, [ME])).toBe(false);
    expect(needsYou(atApproval(), '', [''])).toBe(false);
    expect(needsYou(atApproval({ current_step_type: 'review' }), ME, [ME])).toBe(false);
    expect(needsYou(null, ME, [ME])).toBe(false);
  });
});

describe('approvalRunKey', () => {
  it('is new for another step and for another run of the same step, and null away from an approval', () => {
    const first = approvalRunKey(atApproval());
    expect(first).not.toBeNull();
    expect(approvalRunKey(atApproval({ current_step_id: 'chair' }))).not.toBe(first);
    expect(approvalRunKey(atApproval({ step_runs: [run('board'), run('draft'), run('board')] }))).not.toBe(first);
    expect(approvalRunKey(atApproval({ current_step_type: 'review' }))).toBeNull();
    expect(approvalRunKey(atApproval({ status: 'cancelled' }))).toBeNull();
  });
});

describe('EligibleApprovers', () => {
  function lookups(answers: ActionResult<ApprovalDetails>[], budget = { room: Infinity }) {
    const asked: number[] = [];
    let changed = 0;
    const approvers = new EligibleApprovers(() => ({
      approvalDetails: async (taskId) => {
        asked.push(taskId);
        return answers.shift() ?? { ok: false, error: { kind: 'network', message: 'down' } };
      },
      trySpend: () => budget.room-- > 0,
      changed: () => void changed++,
    }));
    return { approvers, asked, changed: () => changed };
  }

  it('asks once per step run after polls, and again for a new step', async () => {
    const { approvers, asked, changed } = lookups([{ ok: true, value: details('board', [ME]) }, { ok: true, value: details('chair', ['x@example.com']) }]);
    const task = atApproval();
    approvers.polled(task);
    approvers.polled(task);
    await Promise.resolve();
    expect(asked).toEqual([12345]);
    expect(approvers.approversNow(task)).toEqual([ME]);
    expect(changed()).toBe(1);
    approvers.polled(task);
    expect(asked).toHaveLength(1);
    const moved = atApproval({ current_step_id: 'chair', step_runs: [run('board'), run('chair')] });
    expect(approvers.approversNow(moved)).toBeNull(); // the old step's list says nothing about the new one
    approvers.polled(moved);
    await Promise.resolve();
    expect(asked).toHaveLength(2);
    expect(approvers.approversNow(moved)).toEqual(['x@example.com']);
  });

  it('a failure is quiet and not asked again for the same run; no room in the budget waits for the next poll', async () => {
    const budget = { room: 0 };
    const { approvers, asked } = lookups([{ ok: false, error: { kind: 'conflict', detail: 'Task is not awaiting approval' } }], budget);
    const task = atApproval();
    approvers.polled(task);
    expect(asked).toEqual([]); // nothing sent over the budget
    budget.room = 5;
    approvers.polled(task);
    await Promise.resolve();
    approvers.polled(task);
    expect(asked).toEqual([12345]);
    expect(approvers.approversNow(task)).toBeNull();
  });

  it('remembers what the user’s own look at the approval said, for the run it describes only', () => {
    const { approvers, asked } = lookups([]);
    const task = atApproval();
    approvers.learned(task, details('other_step', [ME]));
    expect(approvers.approversNow(task)).toBeNull();
    approvers.learned(task, details('board', [ME]));
    expect(approvers.approversNow(task)).toEqual([ME]);
    approvers.polled(task);
    expect(asked).toEqual([]); // known already: no lookup of its own
  });
});
