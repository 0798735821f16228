/** The GET /tasks/{task_id} example from the docs' page (seeds/), verbatim, as a fresh object each call. */
export function seedTaskBody(): { task: Record<string, unknown> } {
  return {
    task: {
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
      step_runs: [
        {
          step_run_id: 'sr_001',
          step_id: 'intake_step',
          step_name: 'Document Intake',
          step_type: 'intake',
          status: 'completed',
          variables: [{ variable_type: 'text', value: 'Acme Corporation', step_id: 'intake_step', variable_id: 'vendor_name' }],
        },
      ],
      variables: [
        { variable_type: 'text', value: 'Acme Corporation', step_id: 'intake_step', variable_id: 'vendor_name' },
        { variable_type: 'number', value: 150000, step_id: 'intake_step', variable_id: 'contract_value' },
        { variable_type: 'email', value: 'legal@example.com', step_id: 'intake_step', variable_id: 'reviewer_email' },
      ],
    },
  };
}

/** The GET /users/org-info example from the docs. */
export function seedOrgInfo(): Record<string, unknown> {
  return {
    org_name: 'Acme Corporation',
    rate_limit_per_minute: 120,
    entities: [
      { legal_entity_id: 1, name: 'Acme Inc.', entity_type: 'corporation', jurisdiction: 'Delaware' },
      { legal_entity_id: 2, name: 'Acme Ltd.', entity_type: 'limited_company', jurisdiction: 'United Kingdom' },
    ],
    api_key_id: 42,
  };
}
