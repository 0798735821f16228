import { fireEvent, screen } from '@testing-library/svelte';
import { describe, expect, it } from 'vitest';
import { renderWithApp } from '../testing/renderWithApp.ts';
import SnoozeMenu from './SnoozeMenu.svelte';

describe('SnoozeMenu', () => {
  it('offers the choices and asks the engine for the one pressed', async () => {
    const { bridge } = renderWithApp(SnoozeMenu, { props: { task: { id: 7, snooze: null } }, answers: { snooze: () => ({ ok: true, snooze: { kind: 'until-change' } }) } });
    expect(screen.getByRole('group', { name: 'Snooze for' })).toBeTruthy();
    await fireEvent.click(screen.getByRole('button', { name: 'Tomorrow 09:00' }));
    await fireEvent.click(screen.getByRole('button', { name: 'Until it changes' }));
    expect(bridge.callsOf('snooze')).toEqual([[7, { kind: 'tomorrow' }], [7, { kind: 'until-change' }]]);
  });

  it('says the engine’s reason when a chosen time is refused, and asks for one when none is picked', async () => {
    const { bridge } = renderWithApp(SnoozeMenu, { props: { task: { id: 7, snooze: null } }, answers: { snooze: () => ({ ok: false, message: 'Pick a time in the future.' }) } });
    await fireEvent.click(screen.getByRole('button', { name: 'Snooze until then' }));
    expect(screen.getByRole('alert').textContent).toBe('Pick a date and time first.');
    expect(bridge.callsOf('snooze')).toEqual([]);
    await fireEvent.input(screen.getByLabelText('Until'), { target: { value: '2020-01-01T09:00' } });
    await fireEvent.click(screen.getByRole('button', { name: 'Snooze until then' }));
    await screen.findByText('Pick a time in the future.');
    expect(bridge.callsOf('snooze')[0]?.[1]).toMatchObject({ kind: 'until' });
  });

  it('shows when a snoozed task wakes, and unsnoozes it', async () => {
    const { bridge } = renderWithApp(SnoozeMenu, { props: { task: { id: 7, snooze: { kind: 'until-change' } } } });
    expect(screen.getByRole('status').textContent?.trim()).toBe('Snoozed until it changes');
    expect(screen.queryByRole('button', { name: '1 hour' })).toBeNull();
    await fireEvent.click(screen.getByRole('button', { name: 'Unsnooze' }));
    expect(bridge.callsOf('unsnooze')).toEqual([[7]]);
  });
});
