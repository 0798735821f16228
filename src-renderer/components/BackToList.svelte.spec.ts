import { fireEvent, screen } from '@testing-library/svelte';
import { describe, expect, it } from 'vitest';
import { renderWithApp } from '../testing/renderWithApp.ts';
import BackToList from './BackToList.svelte';

describe('BackToList', () => {
  it('is a button named "All tasks" (its icon hidden) that shows the list', async () => {
    const { app } = renderWithApp(BackToList);
    app.view.show({ kind: 'activity' });
    const back = screen.getByRole('button', { name: 'All tasks' });
    expect(back.querySelector('svg')?.getAttribute('aria-hidden')).toBe('true');
    await fireEvent.click(back);
    expect(app.view.current.kind).toBe('list');
  });
});
