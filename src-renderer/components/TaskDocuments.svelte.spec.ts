import { fireEvent, screen } from '@testing-library/svelte';
import { describe, expect, it } from 'vitest';
import { renderWithApp } from '../testing/renderWithApp.ts';
import TaskDocuments from './TaskDocuments.svelte';

describe('TaskDocuments', () => {
  it('lists signed documents and files, says how many more are only in Chamelio, and a step document not produced yet', async () => {
    const { bridge } = renderWithApp(TaskDocuments, {
      props: { taskId: 9, version: 'completed:' },
      answers: {
        getDocuments: () => ({
          signed: [{ fileId: 'document_1', fileName: 'NDA_signed.pdf', stepName: 'Countersignature' }],
          files: [{ fileId: 'document_2', fileName: 'Draft.docx' }],
          moreInChamelio: 3,
          step: { stepId: 'review', stepName: 'Counsel Review', state: 'not-produced' },
          problems: [],
        }),
        openDocument: () => ({ ok: true, message: 'Opened NDA_signed.pdf.' }),
      },
    });
    const signed = await screen.findByRole('list', { name: 'Signed documents' });
    expect(signed.textContent).toContain('Countersignature');
    expect(screen.getByText('Counsel Review: document not produced yet.')).toBeTruthy();
    expect(screen.getByText(/3 more files are only in Chamelio/)).toBeTruthy();
    await fireEvent.click(screen.getByRole('button', { name: 'NDA_signed.pdf' }));
    expect(await screen.findByText('Opened NDA_signed.pdf.')).toBeTruthy();
    expect(bridge.callsOf('openDocument')).toEqual([[9, { source: 'signed', fileId: 'document_1' }]]);
    await fireEvent.click(screen.getByRole('button', { name: 'See them in Chamelio' }));
    expect(bridge.callsOf('openTask')).toEqual([[9]]);
  });

  it('says when a document could not be opened, in the API’s words', async () => {
    renderWithApp(TaskDocuments, {
      props: { taskId: 9, version: 'x' },
      answers: {
        getDocuments: () => ({ signed: [], files: [{ fileId: 'document_2', fileName: 'Draft.docx' }], moreInChamelio: 0, step: null, problems: [] }),
        openDocument: () => ({ ok: false, kind: 'not-found', message: 'File not found' }),
      },
    });
    await fireEvent.click(await screen.findByRole('button', { name: 'Draft.docx' }));
    expect((await screen.findByText('File not found')).classList.contains('error')).toBe(true);
  });
});
