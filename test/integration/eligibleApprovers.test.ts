/**
 * "Needs you" from the approval's eligible approvers, end to end in the engine: the real AppService
 * and client against the real simulator over HTTP, on a fake clock. The simulator's Board
 * Resolution workflow has approvals held by one person that the user may decide too, so the
 * assignee is someone else while the user is an approver now.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { DEMO_PEOPLE, DEMO_USER_EMAIL } from '../../src-main/node/simulator/demoWorkflows.ts';
import { makeTask } from '../support/makeTask.ts';
import { startHarness, type Harness } from '../support/harness.ts';

const BOARD = 23001;
let h: Harness;
afterEach(async () => {
  await h?.close();
});

const requests = (route: string) => h.simulator.stats().requests.filter((r) => r.route === route).length;
const row = () => h.app.getState().tasks.find((t) => t.id === BOARD)!;
const run = (step_id: string, step_name: string, status: string, n: number) => ({ step_run_id: `sr_${BOARD}_${n}`, step_id, step_name, step_type: step_id === 'resolution_draft' ? 'intake' : 'approval', status, variables: [] });

/** Sam holds Board Approval; the user may approve it too. `beforePin` sets up the simulator (a fault). */
async function pinBoardResolution(rateLimitPerMinute?: number, beforePin?: () => void) {
  h = await startHarness({ rateLimitPerMinute });
  beforePin?.();
  h.simulator.setTask(
    makeTask({
      task_id: BOARD,
      task_title: 'Board resolution - FY27 budget',
      workflow_id: 'board_resolution',
      workflow_name: 'Board Resolution',
      status: 'pending',
      current_step_id: 'board_approval',
      current_step_name: 'Board Approval',
      current_step_type: 'approval',
      assignee_email: DEMO_PEOPLE.sam,
      step_runs: [run('resolution_draft', 'Resolution Draft', 'completed', 1), run('board_approval', 'Board Approval', 'pending', 2)],
    }),
  );
  await h.app.updateSettings({ userEmail: DEMO_USER_EMAIL });
  await h.app.pin(String(BOARD));
  await h.run(3_000);
}

describe('needs you, from the approvers now', () => {
  it('an approver who is not the assignee needs to act: one approval-details per step run, asked again for a new step', async () => {
    await pinBoardResolution();
    expect(row()).toMatchObject({ assignee: DEMO_PEOPLE.sam, assignedToYou: false, group: 'needs-you' });
    expect(h.app.trayState().needsYou).toBe(1);
    expect(requests('approval-details')).toBe(1);

    await h.run(120_000); // several polls of the same step run
    expect(requests('tasks')).toBeGreaterThan(3);
    expect(requests('approval-details')).toBe(1);
    expect(row().group).toBe('needs-you');

    // Sam approves in the web app: Chair Approval, held by Maria, the user an approver again.
    h.simulator.decideApproval(BOARD, { approved: true, comment: null, by: DEMO_PEOPLE.sam });
    await h.run(60_000);
    expect(row()).toMatchObject({ stepName: 'Chair Approval', assignee: DEMO_PEOPLE.maria, group: 'needs-you' });
    expect(requests('approval-details')).toBe(2);
    // The reassignment's banner offers Review: the list was known before the cycle was planned.
    expect(h.notifications.at(-1)?.actions?.map((a) => a.id)).toEqual(['review', 'open', 'snooze-day']);

    // Maria approves: an automated step, nobody's approval, no lookup.
    h.simulator.decideApproval(BOARD, { approved: true, comment: null, by: DEMO_PEOPLE.maria });
    await h.run(60_000);
    expect(row()).toMatchObject({ stepName: 'Minute Filing', group: 'unseen' });
    expect(h.app.trayState().needsYou).toBe(0);
    expect(requests('approval-details')).toBe(2);
    expect(h.simulator.stats().rateLimited).toBe(0);
    expect(h.simulator.maxRequestsInAnyMinute()).toBeLessThanOrEqual(h.app.requestStats().budgetPerMinute);
  });

  it('a failed lookup is quiet: the assignee rule stands, the same step run is not asked again, a new one is', async () => {
    await pinBoardResolution(undefined, () => h.simulator.injectFault({ kind: 'server-error' }, { route: 'approval-details' }));
    expect(requests('approval-details')).toBe(1);
    expect(row()).toMatchObject({ group: 'active', problem: null }); // Sam's, as the assignee rule says
    await h.run(120_000);
    expect(requests('approval-details')).toBe(1);
    expect(row().group).toBe('active');
    h.simulator.decideApproval(BOARD, { approved: true, comment: null, by: DEMO_PEOPLE.sam });
    await h.run(60_000);
    expect(requests('approval-details')).toBe(2); // a new step run is asked again
    expect(row().group).toBe('needs-you');
  });

  it('never over a tight budget: the lookup waits its turn behind polls and still goes out once', async () => {
    await pinBoardResolution(6);
    await h.run(180_000);
    expect(requests('approval-details')).toBe(1);
    expect(row().group).toBe('needs-you');
    expect(h.simulator.stats().rateLimited).toBe(0);
    expect(h.simulator.maxRequestsInAnyMinute()).toBeLessThanOrEqual(h.app.requestStats().budgetPerMinute);
  });
});
