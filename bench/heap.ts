/**
 * Heap of the engine with 1,000 pinned tasks: an AppService loaded from a saved state holding 1,000
 * snapshots (each with 20 variables and 4 step runs), its monitor running. Run in its own process
 * with --expose-gc so nothing else is counted: `node --expose-gc bench/heap.ts` prints MB.
 */
import { AppService } from '../src-main/core/app/AppService.ts';
import { emptyState } from '../src-main/core/app/loadPersistedState.ts';
import { DEFAULT_SETTINGS } from '../src-main/core/app/Settings.ts';
import type { Task } from '../src-main/core/chamelio/Task.ts';
import { MemorySecretStore } from '../src-main/node/store/MemorySecretStore.ts';

const gc = (globalThis as { gc?: () => void }).gc;
if (!gc) throw new Error('run with --expose-gc');

function snapshot(id: number): Task {
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

gc();
const before = process.memoryUsage().heapUsed;
let savedText: string | null = JSON.stringify({
  ...emptyState(),
  settings: { ...DEFAULT_SETTINGS, apiBaseUrl: 'http://127.0.0.1:9' },
  pinned: Array.from({ length: 1000 }, (_, i) => ({ id: i + 1, pinnedAt: 0, snapshot: snapshot(i + 1), unseen: false, unavailable: false })),
});
const app = new AppService({
  clock: { now: () => Date.now(), setTimeout: (f, ms) => setTimeout(f, ms), clearTimeout: (h) => clearTimeout(h as NodeJS.Timeout) },
  // Requests never answer: the heap is the engine's own state, not HTTP buffers.
  fetch: () => new Promise<Response>(() => {}),
  persistence: {
    load: async () => {
      const text = savedText!;
      savedText = null; // the file's text is not the engine's memory
      return JSON.parse(text) as unknown;
    },
    save: async () => {},
  },
  secrets: new MemorySecretStore(null),
  notifier: { show() {} },
  logger: { info() {}, warn() {}, error() {} },
});
await app.start();
const rows = app.getState().tasks.length;
gc();
const after = process.memoryUsage().heapUsed;
process.stdout.write(JSON.stringify({ tasks: rows, heapMB: (after - before) / 1024 / 1024 }) + '\n');
await app.stop();
process.exit(0);
