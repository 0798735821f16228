import { fireEvent, screen } from '@testing-library/svelte';
import { describe, expect, it } from 'vitest';
import { renderWithApp } from '../testing/renderWithApp.ts';
import CancelTask from './CancelTask.svelte';

describe('CancelTask', () => {
  it('confirms in place that it cannot be undone, then sends one cancel', async () => {
    const { bridge } = renderWithApp(CancelTask, { props: { taskId: 3, status: 'in_progress' }, answers: { cancelTask: () => ({ ok: true, message: 'Task cancelled successfully' }) } });
    await fireEvent.click(screen.getByRole('button', { name: 'Cancel task' }));
    const yes = screen.getByRole('button', { name: 'Yes, cancel the task' });
    expect(yes.getAttribute('aria-describedby')).toBe('cancel-warning');
    expect(screen.getByText(/cannot be undone/)).toBeTruthy();
    await fireEvent.click(yes);
    await fireEvent.click(yes);
    expect(await screen.findByText('Task cancelled successfully')).toBeTruthy();
    expect(bridge.callsOf('cancelTask')).toEqual([[3]]);
  });

  it('shows a refusal in the API’s words', async () => {
    renderWithApp(CancelTask, { props: { taskId: 3, status: 'pending' }, answers: { cancelTask: () => ({ ok: false, kind: 'conflict', message: 'Task cannot be cancelled in its current state' }) } });
    await fireEvent.click(screen.getByRole('button', { name: 'Cancel task' }));
    await fireEvent.click(screen.getByRole('button', { name: 'Yes, cancel the task' }));
    expect((await screen.findByText('Task cannot be cancelled in its current state')).classList.contains('error')).toBe(true);
  });

  it('is not offered for a finished task', () => {
    renderWithApp(CancelTask, { props: { taskId: 3, status: 'completed' } });
    expect(screen.queryByRole('button', { name: 'Cancel task' })).toBeNull();
  });
});
