import { fireEvent, screen, waitFor, within } from '@testing-library/svelte';
import { describe, expect, it } from 'vitest';
import { snapshot, summary } from '../testing/fixtures.ts';
import { renderWithApp } from '../testing/renderWithApp.ts';
import TaskList from './TaskList.svelte';

const three = snapshot({
  tasks: [
    summary(1, { title: 'Vendor contract', group: 'needs-you', assignedToYou: true }),
    summary(2, { title: 'NDA for Globex', unseen: true, lastChange: 'Pending → In progress', group: 'unseen' }),
    summary(3, { title: 'Lease renewal', status: 'completed', group: 'finished' }),
  ],
});

const list = (): HTMLElement => screen.getByRole('listbox', { name: 'Pinned tasks' });
const active = (): string | null => list().getAttribute('aria-activedescendant');
const selected = (): string[] => screen.queryAllByRole('option', { selected: true }).map((o) => o.id);

describe('TaskList', () => {
  it('is a listbox described by its keys, with one option per pinned task', () => {
    renderWithApp(TaskList, { snapshot: three });
    const describedBy = list().getAttribute('aria-describedby') ?? '';
    expect(document.getElementById(describedBy)?.textContent).toContain('Enter opens');
    const options = within(list()).getAllByRole('option');
    expect(options.map((o) => o.id)).toEqual(['task-1', 'task-2', 'task-3']);
    expect(options[1]?.textContent).toContain('Pending → In progress');
  });

  it('selects a row only while the list has focus, and the arrows move the selection', async () => {
    renderWithApp(TaskList, { snapshot: three });
    expect(selected()).toEqual([]);
    await fireEvent.focus(list());
    expect(selected()).toEqual(['task-1']);
    await fireEvent.keyDown(list(), { key: 'ArrowDown' });
    expect(active()).toBe('task-2');
    await fireEvent.keyDown(list(), { key: 'End' });
    expect(selected()).toEqual(['task-3']);
    await fireEvent.keyDown(list(), { key: 'ArrowDown' });
    expect(active()).toBe('task-3');
    await fireEvent.keyDown(list(), { key: 'Home' });
    expect(active()).toBe('task-1');
    await fireEvent.blur(list());
    expect(selected()).toEqual([]);
  });

  it('Enter opens the selected task and marks it seen', async () => {
    const { app, bridge } = renderWithApp(TaskList, { snapshot: three });
    await fireEvent.keyDown(list(), { key: 'ArrowDown' });
    await fireEvent.keyDown(list(), { key: 'Enter' });
    expect(app.view.current).toEqual({ kind: 'details', taskId: 2 });
    expect(bridge.callsOf('markSeen')).toEqual([[2]]);
  });

  it('a click on a row opens that task', async () => {
    const { app } = renderWithApp(TaskList, { snapshot: three });
    await fireEvent.click(screen.getByText('Lease renewal'));
    expect(app.view.current).toEqual({ kind: 'details', taskId: 3 });
  });

  it('Delete unpins exactly the selected task, and the selection moves to its neighbour', async () => {
    const { app, bridge } = renderWithApp(TaskList, { snapshot: three });
    await fireEvent.keyDown(list(), { key: 'ArrowDown' });
    await fireEvent.keyDown(list(), { key: 'Delete' });
    expect(bridge.callsOf('unpin')).toEqual([[2]]);
    expect(app.view.selectedId).toBe(3);
    await waitFor(() => expect(app.undo.current).toEqual({ taskId: 2, title: 'NDA for Globex' }));
  });

  it('the filter keeps the matching rows; Esc clears it; no match says so', async () => {
    const { app } = renderWithApp(TaskList, { snapshot: three });
    const filter = screen.getByRole('searchbox', { name: 'Filter tasks' });
    await fireEvent.input(filter, { target: { value: 'globex' } });
    expect(within(list()).getAllByRole('option').map((o) => o.id)).toEqual(['task-2']);
    await fireEvent.input(filter, { target: { value: 'nothing like it' } });
    expect(screen.queryByRole('listbox')).toBeNull();
    expect(screen.getByText('No pinned task matches “nothing like it”.')).toBeTruthy();
    await fireEvent.keyDown(filter, { key: 'Escape' });
    expect(app.view.listQuery).toBe('');
    expect(within(list()).getAllByRole('option')).toHaveLength(3);
  });

  it('↓ in the filter moves focus into the list', async () => {
    renderWithApp(TaskList, { snapshot: three });
    await fireEvent.keyDown(screen.getByRole('searchbox', { name: 'Filter tasks' }), { key: 'ArrowDown' });
    expect(document.activeElement).toBe(list());
  });

  it('with nothing pinned, says how to pin instead of showing a list', () => {
    renderWithApp(TaskList);
    expect(screen.queryByRole('listbox')).toBeNull();
    expect(screen.queryByRole('searchbox')).toBeNull();
    expect(screen.getByText(/Nothing pinned yet/)).toBeTruthy();
  });

  it('a header per non-empty group with its count, in the engine’s order; headers are not options', () => {
    renderWithApp(TaskList, { snapshot: three });
    const headers = [...list().querySelectorAll('.group')].map((h) => h.textContent?.replace(/\s+/g, ' ').trim());
    expect(headers).toEqual(['Needs you 1', 'Changed 1', 'Finished 1']);
    expect(within(list()).getAllByRole('option').every((o) => !o.classList.contains('group'))).toBe(true);
    expect(within(list()).getAllByRole('option').map((o) => [o.getAttribute('aria-posinset'), o.getAttribute('aria-setsize')])).toEqual([
      ['1', '3'], ['2', '3'], ['3', '3'],
    ]);
  });

  it('holds about a screenful of rows in the DOM however many are pinned, each saying where it is in the whole', async () => {
    const many = snapshot({ tasks: Array.from({ length: 2_000 }, (_, i) => summary(i + 1)) });
    renderWithApp(TaskList, { snapshot: many });
    const options = within(list()).getAllByRole('option');
    expect(options.length).toBeLessThan(40);
    expect(options[0]?.getAttribute('aria-setsize')).toBe('2000');
    await fireEvent.keyDown(list(), { key: 'PageDown' });
    const moved = Number(active()?.slice('task-'.length));
    expect(moved).toBeGreaterThan(2);
    expect(document.getElementById(active() ?? '')?.getAttribute('aria-posinset')).toBe(String(moved));
  });
});

