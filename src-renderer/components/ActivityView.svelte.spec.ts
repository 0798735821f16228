import { fireEvent, screen } from '@testing-library/svelte';
import { describe, expect, it } from 'vitest';
import { NOW, snapshot } from '../testing/fixtures.ts';
import { renderWithApp } from '../testing/renderWithApp.ts';
import ActivityView from './ActivityView.svelte';

describe('ActivityView', () => {
  it('puts focus on its heading, and says when nothing has happened yet', () => {
    renderWithApp(ActivityView);
    expect(document.activeElement).toBe(screen.getByRole('heading', { level: 2, name: 'Activity' }));
    expect(screen.getByText(/No changes yet/)).toBeTruthy();
  });

  it('lists each change as a button that opens its task', async () => {
    const { app } = renderWithApp(ActivityView, {
      snapshot: snapshot({
        activity: [
          { id: 'a1', at: NOW, taskId: 5, taskTitle: 'Vendor contract', kind: 'status', text: 'Pending → In progress', assignedToYou: false },
        ],
      }),
    });
    const changes = screen.getByRole('list', { name: 'Recent changes' });
    const entry = screen.getByRole('button', { name: /Pending → In progress/ });
    expect(changes.contains(entry)).toBe(true);
    expect(entry.textContent).toContain('Vendor contract');
    expect(entry.querySelector('time')?.getAttribute('datetime')).toBe(new Date(NOW).toISOString());
    await fireEvent.click(entry);
    expect(app.view.current).toEqual({ kind: 'details', taskId: 5 });
  });
});
