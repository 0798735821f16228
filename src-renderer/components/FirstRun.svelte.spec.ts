import { fireEvent, screen, waitFor } from '@testing-library/svelte';
import { describe, expect, it } from 'vitest';
import { snapshot } from '../testing/fixtures.ts';
import { renderWithApp } from '../testing/renderWithApp.ts';
import FirstRun from './FirstRun.svelte';

const first = snapshot({ key: { isSet: false, protection: null, advice: null, canOptInToWeak: false }, org: null });

describe('FirstRun', () => {
  it('says what to do in numbered steps, with the key field in the second', () => {
    renderWithApp(FirstRun, { snapshot: first });
    expect(screen.getByRole('heading', { level: 2, name: 'Watch your Chamelio tasks from the tray' })).toBeTruthy();
    const steps = screen.getAllByRole('listitem');
    expect(steps).toHaveLength(3);
    expect(steps[1]?.querySelector('#api-key')).toBeTruthy();
  });

  it('"Open Chamelio" and "Try with demo data" ask the engine; the demo button is busy meanwhile', async () => {
    let started: () => void = () => {};
    const { bridge } = renderWithApp(FirstRun, {
      snapshot: first,
      answers: { startDemo: () => new Promise<void>((resolve) => (started = resolve)) },
    });
    await fireEvent.click(screen.getByRole('button', { name: 'Open Chamelio' }));
    expect(bridge.callsOf('openChamelio')).toEqual([[]]);
    const demo = screen.getByRole('button', { name: 'Try with demo data' });
    await fireEvent.click(demo);
    expect(demo.getAttribute('aria-busy')).toBe('true');
    await fireEvent.click(demo);
    expect(bridge.callsOf('startDemo')).toEqual([[]]);
    started();
    await waitFor(() => expect(demo.getAttribute('aria-busy')).toBe('false'));
  });
});
