import type { Task } from '../src-main/core/chamelio/Task.ts';

/** A typical pinned task for the heap and load benchmarks: 20 variables, 4 step runs, 60 % finished. */
export function heapTask(id: number): Task {
  const variables = Array.from({ length: 20 }, (_, i) => ({ variable_type: 'text', value: `Value ${i} of task ${id}: governing law England`, step_id: `s${i % 4}`, variable_id: `v${i}` }));
  return {
    task_id: id, task_url: `https://app.chamelio.ai/workflows/tasks/${id}`, task_title: `Vendor contract review ${id}`, workflow_id: 'vcr',
    workflow_name: 'Vendor Contract Review', workflow_version: 1, workflow_state_id: `ws_${id}`, status: id % 10 < 6 ? 'completed' : 'in_progress',
    current_step_id: 'review', current_step_name: 'Review', current_step_type: 'review', created_at: '2026-11-01T10:00:00Z', updated_at: '2026-11-02T10:00:00Z',
    completed_at: null, owner_email: 'owner@example.com', assignee_email: 'legal@example.com', collaborator_emails: ['a@example.com'],
    step_runs: Array.from({ length: 4 }, (_, i) => ({ step_run_id: `sr${i}`, step_id: `s${i}`, step_name: `Step ${i}`, step_type: 'review', status: 'completed', variables: variables.slice(i * 5, i * 5 + 5) })),
    variables,
  };
}
