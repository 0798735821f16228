import { screen } from '@testing-library/svelte';
import { flushSync } from 'svelte';
import { describe, expect, it } from 'vitest';
import { snapshot } from '../testing/fixtures.ts';
import { renderWithApp } from '../testing/renderWithApp.ts';
import StorageProblem from './StorageProblem.svelte';

describe('StorageProblem', () => {
  it('says nothing while the state is saved', () => {
    renderWithApp(StorageProblem);
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it("shows the engine's words while a save fails, as text, and goes when a save works", () => {
    const words = 'Changes could not be saved (Error: EACCES <b>x</b>); they are kept in memory and saving is retried.';
    const { app } = renderWithApp(StorageProblem, { snapshot: snapshot({ storageProblem: words }) });
    expect(screen.getByRole('alert').textContent).toBe(words);
    flushSync(() => (app.engine.snapshot = snapshot({ storageProblem: null })));
    expect(screen.queryByRole('alert')).toBeNull();
  });
});
