import { screen } from '@testing-library/svelte';
import { flushSync } from 'svelte';
import { describe, expect, it } from 'vitest';
import { clockTime } from '../lib/format.ts';
import { NOW, snapshot } from '../testing/fixtures.ts';
import { renderWithApp } from '../testing/renderWithApp.ts';
import BuildLine from './BuildLine.svelte';

const line = (): string | null => screen.queryByText(/^Chamelio Tray /)?.textContent ?? null;

describe('BuildLine', () => {
  it('says the version and when updates were last checked', () => {
    renderWithApp(BuildLine, { snapshot: snapshot({ build: { version: '0.1.0', updates: { kind: 'checked', at: NOW } } }) });
    expect(line()).toBe(`Chamelio Tray 0.1.0 · checked for updates ${clockTime(NOW)}`);
  });

  it('says when this build does not check (the deb, the preview), and when it has not checked yet', () => {
    const { app } = renderWithApp(BuildLine, { snapshot: snapshot({ build: { version: '0.1.0', updates: { kind: 'off' } } }) });
    expect(line()).toBe('Chamelio Tray 0.1.0 · updates are not checked in this build');
    flushSync(() => (app.engine.snapshot = snapshot({ build: { version: '0.2.0', updates: { kind: 'not-yet' } } })));
    expect(line()).toBe('Chamelio Tray 0.2.0 · not checked for updates yet');
  });

  it('says the last failure in plain words', () => {
    renderWithApp(BuildLine, {
      snapshot: snapshot({ build: { version: '0.1.0', updates: { kind: 'failed', at: NOW, problem: 'the update server could not be reached' } } }),
    });
    expect(line()).toBe(`Chamelio Tray 0.1.0 · the update check at ${clockTime(NOW)} failed: the update server could not be reached`);
  });

  it('shows nothing before the shell has said which build this is', () => {
    renderWithApp(BuildLine, { snapshot: snapshot({ build: null }) });
    expect(line()).toBeNull();
  });
});
