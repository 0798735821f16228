import { render, screen } from '@testing-library/svelte';
import { describe, expect, it } from 'vitest';
import { task } from '../testing/fixtures.ts';
import StepTimeline from './StepTimeline.svelte';

describe('StepTimeline', () => {
  it('lists the step runs in order, names the current one, and folds away their variables', () => {
    const { step_runs } = task(3);
    render(StepTimeline, { props: { runs: step_runs, labels: ['Completed', 'Pending'], currentStepId: 'review_step' } });
    const steps = screen.getAllByRole('listitem');
    expect(steps.map((s) => s.querySelector('.name')?.textContent)).toEqual(['Document Intake', 'Legal Review']);
    expect(steps[1]?.textContent).toContain('review · current step');
    expect(steps[0]?.textContent).toContain('Completed');
    expect(screen.getByText('1 variable collected').closest('details')?.open).toBe(false);
  });

  it('says when no step has run yet', () => {
    render(StepTimeline, { props: { runs: [], labels: [], currentStepId: null } });
    expect(screen.getByText('No steps have run yet.')).toBeTruthy();
  });
});
