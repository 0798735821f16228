import { fireEvent, screen } from '@testing-library/svelte';
import { describe, expect, it } from 'vitest';
import type { ApprovalResult } from '../../src-main/contract/dto.ts';
import type { Answers } from '../testing/fakeBridge.ts';
import { renderWithApp } from '../testing/renderWithApp.ts';
import ApprovalSection from './ApprovalSection.svelte';

const APPROVAL: ApprovalResult = {
  ok: true,
  approval: {
    taskId: 7,
    stepName: 'Manager Approval',
    approversNow: ['you@acme.example'],
    approversNext: ['procurement@acme.example'],
    youCanApprove: true,
    values: [
      { variable_type: 'number_with_currency', value: { amount: 84000, currency: 'EUR' }, step_id: 's', variable_id: 'amount' },
      { variable_type: 'file', value: { file_id: 'attachment_1', file_name: 'Proposal.pdf' }, step_id: 's', variable_id: 'proposal' },
    ],
    files: [{ fileId: 'attachment_1', fileName: 'Proposal.pdf' }],
  },
};

function show(answers: Answers = {}) {
  return renderWithApp(ApprovalSection, { props: { taskId: 7, stepId: 'manager_approval' }, answers: { getApproval: () => APPROVAL, ...answers } });
}

describe('ApprovalSection', () => {
  it('shows who approves now and next, the values by type and the files', async () => {
    show();
    expect(await screen.findByText('Manager Approval')).toBeTruthy();
    expect(screen.getByText('you@acme.example')).toBeTruthy();
    expect(screen.getByText('procurement@acme.example')).toBeTruthy();
    expect(screen.getByText('amount')).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Proposal.pdf' })).toBeTruthy();
    // A file variable is the file, listed once with its button, not again among the values.
    expect(screen.queryByText('proposal')).toBeNull();
    expect(screen.getAllByText('Proposal.pdf')).toHaveLength(1);
  });

  it('asks in place before approving, sends once, then says what happened', async () => {
    const { bridge } = show({ decideApproval: () => ({ ok: true, message: 'Approval submitted successfully' }) });
    await fireEvent.click(await screen.findByRole('button', { name: 'Approve' }));
    expect(bridge.callsOf('decideApproval')).toHaveLength(0);
    const yes = screen.getByRole('button', { name: 'Yes, approve' });
    await fireEvent.click(yes);
    await fireEvent.click(yes);
    expect(await screen.findByText('Approval submitted successfully')).toBeTruthy();
    expect(bridge.callsOf('decideApproval')).toEqual([[7, { approved: true, comment: '' }]]);
  });

  it('a rejection asks for a reason first; an error is shown in the API’s words and the comment stays', async () => {
    const { bridge } = show({ decideApproval: () => ({ ok: false, kind: 'conflict', message: 'Approval has already been decided by another approver' }) });
    await fireEvent.click(await screen.findByRole('button', { name: 'Reject' }));
    expect(screen.getByText('Write why you reject it, then press Reject again.')).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Yes, reject' })).toBeNull();
    const box = screen.getByRole('textbox', { name: /Comment/ }) as HTMLTextAreaElement;
    await fireEvent.input(box, { target: { value: 'Get a second quote' } });
    await fireEvent.click(screen.getByRole('button', { name: 'Reject' }));
    await fireEvent.click(screen.getByRole('button', { name: 'Yes, reject' }));
    expect(await screen.findByText('Approval has already been decided by another approver')).toBeTruthy();
    expect(bridge.callsOf('decideApproval')).toEqual([[7, { approved: false, comment: 'Get a second quote' }]]);
    expect((screen.getByRole('textbox', { name: /Comment/ }) as HTMLTextAreaElement).value).toBe('Get a second quote');
  });

  it('offers no buttons to someone who cannot approve now', async () => {
    show({ getApproval: () => ({ ok: true, approval: { ...(APPROVAL.ok ? APPROVAL.approval : ({} as never)), youCanApprove: false } }) });
    expect(await screen.findByText('Waiting for you@acme.example.')).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Approve' })).toBeNull();
  });
});
