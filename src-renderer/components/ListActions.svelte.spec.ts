import { fireEvent, screen } from '@testing-library/svelte';
import { describe, expect, it, vi } from 'vitest';
import { snapshot, summary } from '../testing/fixtures.ts';
import { renderWithApp } from '../testing/renderWithApp.ts';
import ListActions from './ListActions.svelte';

describe('ListActions', () => {
  it('counts the finished tasks and offers Undo after unpinning them', async () => {
    const tasks = [summary(1), summary(2, { group: 'finished', status: 'completed' })];
    const { bridge, app } = renderWithApp(ListActions, { snapshot: snapshot({ tasks }), answers: { unpinFinished: () => 1 } });
    await fireEvent.click(screen.getByRole('button', { name: 'Unpin finished (1)' }));
    expect(bridge.callsOf('unpinFinished')).toEqual([[]]);
    await vi.waitFor(() => expect(app.undo.current?.title).toBe('1 finished task'));
  });

  it('is disabled with nothing finished, and absent with nothing pinned', () => {
    renderWithApp(ListActions, { snapshot: snapshot({ tasks: [summary(1)] }) });
    expect((screen.getByRole('button', { name: 'Unpin finished' }) as HTMLButtonElement).disabled).toBe(true);
  });
});
