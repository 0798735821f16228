import { fireEvent, screen } from '@testing-library/svelte';
import { describe, expect, it } from 'vitest';
import { CommandFailure } from '../lib/failure.ts';
import { renderWithApp } from '../testing/renderWithApp.ts';
import PinBox from './PinBox.svelte';

const box = (): HTMLInputElement => screen.getByRole('textbox', { name: 'Task URL or ID' });

async function pin(text: string): Promise<void> {
  await fireEvent.input(box(), { target: { value: text } });
  await fireEvent.click(screen.getByRole('button', { name: 'Pin' }));
}

describe('PinBox', () => {
  it('sends what was typed to the engine, says what was pinned and empties the box', async () => {
    const { bridge } = renderWithApp(PinBox, { answers: { pin: () => ({ pinned: [41, 42], alreadyPinned: [7], rejected: [] }) } });
    await pin('https://app.chamelio.ai/workflows/tasks/41 42 7');
    expect(bridge.callsOf('pin')).toEqual([['https://app.chamelio.ai/workflows/tasks/41 42 7']]);
    const feedback = screen.getByRole('status');
    expect(feedback.textContent).toContain('Pinned 2 tasks.');
    expect(feedback.textContent).toContain('Already pinned: 7.');
    expect(box().value).toBe('');
  });

  it('keeps only the refused fragments in the box, each with its reason', async () => {
    renderWithApp(PinBox, {
      answers: {
        pin: () => ({ pinned: [5], alreadyPinned: [], rejected: [{ fragment: 'https://evil.example/tasks/9', reason: 'foreign-host', message: 'not a Chamelio link' }] }),
      },
    });
    await pin('5 https://evil.example/tasks/9');
    expect(box().value).toBe('https://evil.example/tasks/9');
    const refused = screen.getByRole('list', { name: 'Not pinned' });
    expect(refused.textContent).toBe('https://evil.example/tasks/9: not a Chamelio link');
  });

  it('does nothing with an empty box, and says the button is not usable yet', async () => {
    const { bridge } = renderWithApp(PinBox);
    const button = screen.getByRole('button', { name: 'Pin' });
    expect(button.getAttribute('aria-disabled')).toBe('true');
    await fireEvent.click(button);
    expect(bridge.callsOf('pin')).toEqual([]);
  });

  it('the feedback goes when dismissed (focus back in the box) or when typing starts again', async () => {
    renderWithApp(PinBox, { answers: { pin: () => ({ pinned: [3], alreadyPinned: [], rejected: [] }) } });
    await pin('3');
    await fireEvent.click(screen.getByRole('button', { name: 'Dismiss pin feedback' }));
    expect(screen.getByRole('status').textContent?.trim()).toBe('');
    expect(document.activeElement).toBe(box());
    await pin('3');
    expect(screen.getByRole('status').textContent).toContain('Pinned 1 task.');
    await fireEvent.input(box(), { target: { value: '4' } });
    expect(screen.getByRole('status').textContent?.trim()).toBe('');
  });

  it('a failed pin keeps the text and shows the problem in words', async () => {
    const { app } = renderWithApp(PinBox, {
      answers: {
        pin: () => {
          throw new CommandFailure('pin', 'engine-unreachable');
        },
      },
    });
    await pin('12');
    expect(box().value).toBe('12');
    expect(app.problems.message).toBe('Could not pin: the app’s engine is not answering.');
  });
});
