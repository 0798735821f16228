/** Tasks for the simulated API, shaped as GET /tasks/{id} documents them. */
import type { Task, TaskVariable } from '../../../src-main/core/chamelio/Task.ts';

export const APP_URL = (id: number): string => `https://app.chamelio.ai/workflows/tasks/${id}`;

const iso = (msAgo: number): string => new Date(Date.now() - msAgo).toISOString().replace(/\.\d{3}Z$/, 'Z');

const v = (variable_type: string, variable_id: string, value: unknown, step_id = 'intake_step'): TaskVariable => ({
  variable_type,
  variable_id,
  value,
  step_id,
});

/** One variable of each of the fourteen documented types, plus a type the docs do not know. */
export const ALL_TYPES_VARIABLES: TaskVariable[] = [
  v('text', 'vendor_name', 'Acme Corporation'),
  v('number', 'term_months', 24),
  v('boolean', 'auto_renew', true),
  v('date', 'effective_date', '2026-03-01'),
  v('email', 'reviewer_email', 'legal@example.com'),
  v('file', 'contract_file', { file_id: 'document_1', file_name: 'Acme_MSA.pdf' }),
  v('select', 'priority', 'High'),
  v('multi_select', 'risk_flags', ['auto_renewal', 'uncapped_liability']),
  v('user_entity', 'requester', 'sam@example.com'),
  v('business', 'counterparty', 'Acme Inc.'),
  v('dynamic_list', 'related_matters', ['LEASE-2019-004', 'LEASE-2022-011']),
  v('dynamic_table', 'line_items', [
    { item: 'Laptop', quantity: 25 },
    { item: 'Dock', quantity: 25 },
  ]),
  v('number_with_currency', 'contract_value', { amount: 150000, currency: 'USD' }),
  v('conversation', 'intake_thread', [
    { author: 'sam@example.com', message: 'Goes live on the 15th.', sent_at: iso(3_600_000) },
    { author: 'legal@example.com', message: 'We will triage today.', sent_at: iso(1_800_000) },
  ]),
  v('signature_block', 'signature', { signer: 'Dana', '<b>': '<script>window.__pwned = 1</script>' }),
];

export function task(id: number, overrides: Partial<Task> = {}): Task {
  return {
    task_id: id,
    task_url: APP_URL(id),
    task_title: `Vendor Contract Review - Task ${id}`,
    workflow_id: 'vendor_contract_review',
    workflow_name: 'Vendor Contract Review',
    workflow_version: 3,
    workflow_state_id: `ws_${id}`,
    status: 'pending',
    current_step_id: 'review_step',
    current_step_name: 'Legal Review',
    current_step_type: 'review',
    created_at: iso(3 * 86_400_000),
    updated_at: iso(2 * 3_600_000),
    completed_at: null,
    owner_email: 'owner@example.com',
    assignee_email: 'legal@example.com',
    collaborator_emails: ['contracts@example.com'],
    step_runs: [
      {
        step_run_id: `sr_${id}_1`,
        step_id: 'intake_step',
        step_name: 'Document Intake',
        step_type: 'intake',
        status: 'completed',
        variables: [v('text', 'vendor_name', 'Acme Corporation')],
      },
      { step_run_id: `sr_${id}_2`, step_id: 'review_step', step_name: 'Legal Review', step_type: 'review', status: 'pending', variables: [] },
    ],
    variables: [v('text', 'vendor_name', 'Acme Corporation'), v('number_with_currency', 'contract_value', { amount: 150000, currency: 'USD' })],
    ...overrides,
  };
}
