import { render, screen } from '@testing-library/svelte';
import { describe, expect, it } from 'vitest';
import StatusBadge from './StatusBadge.svelte';

describe('StatusBadge', () => {
  it('carries its meaning in the engine’s words, not only in its colour', () => {
    render(StatusBadge, { props: { status: 'in_progress', label: 'In progress' } });
    expect(screen.getByText('In progress').className).toContain('tone-');
  });

  it('a task the engine cannot read says so, in the danger tone', () => {
    render(StatusBadge, { props: { status: 'completed', label: 'Completed', problem: { kind: 'unavailable', message: 'gone' } } });
    expect(screen.getByText('Unavailable').className).toContain('tone-danger');
  });

  it('before the first fetch it says it is loading', () => {
    render(StatusBadge, { props: { status: null, label: null } });
    expect(screen.getByText('Loading…')).toBeTruthy();
  });
});
