import { fireEvent, screen, waitFor } from '@testing-library/svelte';
import { describe, expect, it } from 'vitest';
import type { Answers } from '../testing/fakeBridge.ts';
import { detail as detailOf, snapshot, summary, task } from '../testing/fixtures.ts';
import { renderWithApp } from '../testing/renderWithApp.ts';
import TaskDetails from './TaskDetails.svelte';

const row = summary(12, { title: 'Vendor contract', assignedToYou: true, assignee: 'me@example.com' });
const detail = detailOf(row, task(12, { assignee_email: 'Me@Example.com', owner_email: 'me@example.com' }), 'me@example.com');
// The renderer is not told the user's email here: who "you" is comes from the engine alone.
const withRow = snapshot({ tasks: [row] });

function details(answers: Answers = {}) {
  return renderWithApp(TaskDetails, { props: { taskId: 12 }, snapshot: withRow, answers: { getTaskDetail: () => detail, ...answers } });
}

describe('TaskDetails', () => {
  it('puts focus on its heading, named after the task, and says it is loading until the details come', async () => {
    details();
    const heading = screen.getByRole('heading', { level: 2, name: 'Vendor contract' });
    expect(document.activeElement).toBe(heading);
    expect(screen.getAllByRole('status')[0]?.textContent).toBe('Loading task 12…');
    await screen.findByRole('heading', { level: 3, name: 'Steps' });
    expect(screen.getAllByRole('status')[0]?.textContent).toBe('');
  });

  it('says "you" where the engine decided the task is yours', async () => {
    details();
    await screen.findByText('Owner');
    expect(screen.getByText('Assignee').nextElementSibling?.textContent).toBe('you (Me@Example.com)');
    expect(screen.getByText('Owner').nextElementSibling?.textContent).toBe('you (me@example.com)');
  });

  it('Open in Chamelio and Unpin ask the engine; unpinning goes back to the list', async () => {
    const { app, bridge } = details();
    app.view.show({ kind: 'details', taskId: 12 });
    await fireEvent.click(screen.getByRole('button', { name: 'Open in Chamelio' }));
    expect(bridge.callsOf('openTask')).toEqual([[12]]);
    await fireEvent.click(screen.getByRole('button', { name: 'Unpin' }));
    await waitFor(() => expect(app.view.current.kind).toBe('list'));
    expect(bridge.callsOf('unpin')).toEqual([[12]]);
  });

  it('a failed read says it is retrying, in the live region', async () => {
    details({ getTaskDetail: () => Promise.reject(new Error('engine gone')) });
    await waitFor(() => expect(screen.getAllByRole('status')[0]?.textContent).toBe('Couldn’t load the details; retrying.'));
  });

  it('a task that is unavailable says so as an alert, and its last known fields stay', async () => {
    const gone = summary(12, { title: 'Vendor contract', problem: { kind: 'unavailable', message: 'Task not found' } });
    renderWithApp(TaskDetails, {
      props: { taskId: 12 },
      snapshot: snapshot({ tasks: [gone] }),
      answers: { getTaskDetail: () => detailOf(gone, detail.task) },
    });
    expect(screen.getByRole('alert').textContent?.trim()).toBe('Unavailable: Task not found');
    expect(await screen.findByText('Last known details, from before the problem:')).toBeTruthy();
  });

  it('a task that is not pinned any more offers to pin it again', async () => {
    const { bridge } = renderWithApp(TaskDetails, { props: { taskId: 99 }, answers: { getTaskDetail: () => null } });
    await fireEvent.click(await screen.findByRole('button', { name: 'Pin it again' }));
    expect(bridge.callsOf('pin')).toEqual([['99']]);
  });

  it('a blank title reads "Task N", as the engine words it for the list, the tray and notifications', async () => {
    const blank = summary(12, { title: '   ' });
    renderWithApp(TaskDetails, { props: { taskId: 12 }, snapshot: snapshot({ tasks: [blank] }), answers: { getTaskDetail: () => detailOf(blank, task(12)) } });
    expect(screen.getByRole('heading', { level: 2 }).textContent).toBe('Task 12');
  });
  describe('an approval decided elsewhere while the user works on it', () => {
    const waiting = task(12, { status: 'in_progress', current_step_id: 'legal_approval', current_step_name: 'Legal Approval', current_step_type: 'approval' });
    const done = task(12, { status: 'completed', current_step_id: null, current_step_name: null, current_step_type: null });
    const approval = { taskId: 12, stepName: 'Legal Approval', approversNow: ['me@example.com'], approversNext: [], youCanApprove: true, values: [], files: [] };

    function working() {
      let full = waiting;
      const view = renderWithApp(TaskDetails, {
        props: { taskId: 12 },
        snapshot: withRow,
        answers: {
          getTaskDetail: () => detailOf(row, full),
          getApproval: () => ({ ok: true, approval }),
          decideApproval: () => ({ ok: false, kind: 'conflict', message: 'Task is not awaiting approval' }),
        },
      });
      // The engine re-reads the task and pushes a changed row: the details read it again.
      const moveOn = () => {
        full = done;
        view.app.engine.snapshot = snapshot({ tasks: [{ ...row, status: 'completed', statusLabel: 'Completed' }] });
      };
      return { ...view, moveOn };
    }

    it('keeps the unsent comment and the API’s words, without buttons, once the task has moved on', async () => {
      const { moveOn } = working();
      await fireEvent.input(await screen.findByRole('textbox', { name: /Comment/ }), { target: { value: 'Not yet' } });
      await fireEvent.click(screen.getByRole('button', { name: 'Reject' }));
      await fireEvent.click(screen.getByRole('button', { name: 'Yes, reject' }));
      await screen.findByText('Task is not awaiting approval');
      moveOn();
      await waitFor(() => expect(screen.getByText('Current step').nextElementSibling?.textContent?.trim()).toBe('none'));
      expect((screen.getByRole('textbox', { name: 'Comment, not sent' }) as HTMLTextAreaElement).value).toBe('Not yet');
      expect(screen.getByText('Task is not awaiting approval. This step is over; nothing was decided from here.')).toBeTruthy();
      expect(screen.queryByRole('button', { name: 'Approve' })).toBeNull();
      expect(screen.queryByRole('button', { name: 'Reject' })).toBeNull();
    });

    it('a re-read that leaves the step as it was asks for the approval and the documents no second time', async () => {
      let full = waiting;
      const { app, bridge } = renderWithApp(TaskDetails, {
        props: { taskId: 12 },
        snapshot: withRow,
        answers: { getTaskDetail: () => detailOf(row, full), getApproval: () => ({ ok: true, approval }) },
      });
      await screen.findByRole('button', { name: 'Approve' });
      full = { ...waiting, task_title: 'Vendor contract, renamed' };
      app.engine.snapshot = snapshot({ tasks: [{ ...row, title: 'Vendor contract, renamed', displayTitle: 'Vendor contract, renamed' }] });
      await waitFor(() => expect(bridge.callsOf('getTaskDetail')).toHaveLength(2));
      await screen.findByRole('heading', { level: 2, name: 'Vendor contract, renamed' });
      expect(bridge.callsOf('getApproval')).toHaveLength(1);
      expect(bridge.callsOf('getDocuments')).toHaveLength(1);
    });

    it('asked for the approval ("Review"), puts focus on it once it has loaded, not on the heading', async () => {
      renderWithApp(TaskDetails, {
        props: { taskId: 12, focus: 'approval' },
        snapshot: withRow,
        answers: { getTaskDetail: () => detailOf(row, waiting), getApproval: () => ({ ok: true, approval }) },
      });
      expect(document.activeElement).not.toBe(screen.getByRole('heading', { level: 2 }));
      await screen.findByRole('button', { name: 'Approve' });
      expect(document.activeElement).toBe(screen.getByRole('heading', { level: 3, name: 'Approval' }));
    });

    it('asked for the approval of a task that has none any more, puts focus on the heading', async () => {
      renderWithApp(TaskDetails, { props: { taskId: 12, focus: 'approval' }, snapshot: withRow, answers: { getTaskDetail: () => detailOf(row, done) } });
      await screen.findByText('Current step');
      await waitFor(() => expect(document.activeElement).toBe(screen.getByRole('heading', { level: 2 })));
    });

    it('goes away with the step when the user had nothing under way', async () => {
      const { moveOn } = working();
      await screen.findByRole('button', { name: 'Approve' });
      moveOn();
      await waitFor(() => expect(screen.getByText('Current step').nextElementSibling?.textContent?.trim()).toBe('none'));
      expect(screen.queryByRole('region', { name: 'Approval' })).toBeNull();
    });
  });
});
