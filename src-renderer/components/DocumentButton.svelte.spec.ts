import { fireEvent, screen } from '@testing-library/svelte';
import { describe, expect, it } from 'vitest';
import { renderWithApp } from '../testing/renderWithApp.ts';
import DocumentButton from './DocumentButton.svelte';

describe('DocumentButton', () => {
  it('asks the engine to open the document (a fresh link each time) and says what happened', async () => {
    const { bridge } = renderWithApp(DocumentButton, {
      props: { taskId: 4, document: { source: 'step', stepId: 'review' }, label: 'Document of Review' },
      answers: { openDocument: () => ({ ok: true, message: 'Opened review.pdf.' }) },
    });
    const button = screen.getByRole('button', { name: 'Document of Review' });
    await fireEvent.click(button);
    expect(await screen.findByRole('status')).toHaveProperty('textContent', 'Opened review.pdf.');
    await fireEvent.click(button);
    expect(bridge.callsOf('openDocument')).toEqual([
      [4, { source: 'step', stepId: 'review' }],
      [4, { source: 'step', stepId: 'review' }],
    ]);
  });
});
