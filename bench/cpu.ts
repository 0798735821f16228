/**
 * CPU time of one poll of a task with 200 variables, as the engine does it: the client reads and
 * validates the answer, the recorder compares it with the last snapshot and diffs it. The HTTP
 * layer is left out (a prepared Response), so the number is the engine's own cost.
 */
import { ChamelioClient } from '../src-main/core/chamelio/ChamelioClient.ts';
import type { Task, TaskVariable } from '../src-main/core/chamelio/Task.ts';
import { diffTask } from '../src-main/core/tasks/diffTask.ts';

function bigTask(version: number): Task {
  const variables: TaskVariable[] = Array.from({ length: 200 }, (_, i) => ({
    variable_type: ['text', 'number', 'date', 'multi_select', 'number_with_currency'][i % 5]!,
    value: [`Clause ${i}: limitation of liability`, i * 1000, '2026-11-30', ['gdpr', 'ccpa'], { amount: i * 10, currency: 'EUR' }][i % 5],
    step_id: `step_${i % 7}`,
    variable_id: `var_${i}`,
  }));
  return {
    task_id: 1, task_url: 'https://app.chamelio.ai/workflows/tasks/1', task_title: 'Master services agreement',
    workflow_id: 'msa', workflow_name: 'MSA review', workflow_version: 2, workflow_state_id: 'ws_1', status: 'in_progress',
    current_step_id: 'legal', current_step_name: 'Legal', current_step_type: 'review', created_at: '2026-11-01T10:00:00Z',
    updated_at: `2026-11-30T10:00:0${version % 10}Z`, completed_at: null, owner_email: 'o@example.com',
    assignee_email: version % 2 ? 'a@example.com' : 'b@example.com', collaborator_emails: ['c@example.com'],
    step_runs: Array.from({ length: 7 }, (_, i) => ({ step_run_id: `sr_${i}`, step_id: `step_${i}`, step_name: `Step ${i}`, step_type: 'review', status: 'completed', variables: variables.slice(i * 20, i * 20 + 20) })),
    variables,
  };
}

export async function measurePollCpu(iterations = 2000): Promise<{ microsPerPoll: number; bodyBytes: number }> {
  const bodies = [JSON.stringify({ task: bigTask(1) }), JSON.stringify({ task: bigTask(2) })];
  let n = 0;
  const client = new ChamelioClient({
    fetch: async () => new Response(bodies[n++ % 2], { status: 200, headers: { 'content-type': 'application/json' } }),
    baseUrl: 'https://platform.chamelio.ai',
    getApiKey: () => 'ca_benchmark',
    now: () => 0,
  });
  let previous: Task | null = null;
  const poll = async () => {
    const result = await client.getTask(1);
    if (!result.ok) throw new Error(result.error.kind);
    if (previous && JSON.stringify(previous) !== JSON.stringify(result.value)) diffTask(previous, result.value);
    previous = result.value;
  };
  for (let i = 0; i < 200; i++) await poll(); // warm up the JIT
  const start = process.cpuUsage();
  for (let i = 0; i < iterations; i++) await poll();
  const used = process.cpuUsage(start);
  return { microsPerPoll: (used.user + used.system) / iterations, bodyBytes: Buffer.byteLength(bodies[0]!) };
}
