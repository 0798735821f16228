import type { Task } from '../../../src-main/core/chamelio/Task.ts';

/** The documented example task (GET /tasks/12345), with overrides. */
export function makeTask(overrides: Partial<Task> = {}): Task {
  return {
    task_id: 12345,
    task_url: 'https://app.chamelio.ai/workflows/tasks/12345',
    task_title: 'Vendor Contract Review - Acme Corporation',
    workflow_id: 'vendor_contract_review',
    workflow_name: 'Vendor Contract Review',
    workflow_version: 1,
    workflow_state_id: 'ws_abc123',
    status: 'in_progress',
    current_step_id: 'review_step',
    current_step_name: 'AI Review',
    current_step_type: 'review',
    created_at: '2025-01-20T10:30:00Z',
    updated_at: '2025-01-20T10:35:00Z',
    completed_at: null,
    owner_email: 'john.doe@example.com',
    assignee_email: 'legal@example.com',
    collaborator_emails: ['contracts@example.com'],
    step_runs: [],
    variables: [],
    ...overrides,
  };
}
