import { fireEvent, screen } from '@testing-library/svelte';
import { describe, expect, it } from 'vitest';
import { renderWithApp } from '../testing/renderWithApp.ts';
import NotificationLevel from './NotificationLevel.svelte';

describe('NotificationLevel', () => {
  it('shows the task’s level and sends the one chosen', async () => {
    const { bridge } = renderWithApp(NotificationLevel, { props: { task: { id: 9, notificationLevel: 'finished' } } });
    const select = screen.getByLabelText('Notify me about this task') as HTMLSelectElement;
    expect(select.value).toBe('finished');
    expect([...select.options].map((o) => o.text)).toEqual(['As in Settings', 'Every change', 'Only when it finishes', 'Never']);
    await fireEvent.change(select, { target: { value: 'never' } });
    expect(bridge.callsOf('setNotificationLevel')).toEqual([[9, 'never']]);
  });
});
