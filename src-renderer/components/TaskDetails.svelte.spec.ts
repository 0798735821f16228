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
});
