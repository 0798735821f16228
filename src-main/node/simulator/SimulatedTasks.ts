import type { Task } from '../../core/chamelio/Task.ts';
import type { ActionStore } from './actionRoutes.ts';
import { decide, type Decision, type Outcome } from './approvals.ts';
import { isoAt } from './demoTasks.ts';
import { evolveTask, isEvolvable, type Evolution } from './evolveTask.ts';

/**
 * The simulated server's tasks, by id, and what happens to them outside the app: edits a test
 * makes, the demo's evolution, someone else deciding an approval. `get` and `set` (the ActionStore
 * the action routes use) hand out the stored objects; the methods for callers hand out copies.
 */
export class SimulatedTasks implements ActionStore {
  readonly #tasks = new Map<number, Task>();
  readonly #clock: () => number;
  readonly #random: () => number;

  constructor(clock: () => number, random: () => number) {
    this.#clock = clock;
    this.#random = random;
  }

  now(): number {
    return this.#clock();
  }

  get(id: number): Task | undefined {
    return this.#tasks.get(id);
  }

  set(id: number, task: Task): void {
    this.#tasks.set(id, task);
  }

  all(): Iterable<Task> {
    return this.#tasks.values();
  }

  /** Stores a copy; `id` defaults to task.task_id (a different id simulates a mismatching answer). */
  put(task: Task, id: number = task.task_id): void {
    this.#tasks.set(id, structuredClone(task));
  }

  /** Applies the patch and bumps updated_at (unless the patch sets it). Undefined if there is no such task. */
  update(id: number, patch: Partial<Task>): Task | undefined {
    const existing = this.#tasks.get(id);
    if (!existing) return undefined;
    const updated: Task = { ...existing, ...structuredClone(patch), updated_at: patch.updated_at ?? isoAt(this.#clock()) };
    this.#tasks.set(id, updated);
    return structuredClone(updated);
  }

  delete(id: number): boolean {
    return this.#tasks.delete(id);
  }

  copyOf(id: number): Task | undefined {
    const task = this.#tasks.get(id);
    return task && structuredClone(task);
  }

  ids(): number[] {
    return [...this.#tasks.keys()].sort((a, b) => a - b);
  }

  /** One random active task moves on (what the demo timer does); null when none is active. */
  evolveOnce(): { taskId: number; evolution: Evolution } | null {
    const active = [...this.#tasks.entries()].filter(([, task]) => isEvolvable(task));
    const picked = active[Math.min(active.length - 1, Math.floor(this.#random() * active.length))];
    if (!picked) return null;
    const { task, evolution } = evolveTask(picked[1], isoAt(this.#clock()), this.#random);
    this.#tasks.set(picked[0], task);
    return { taskId: picked[0], evolution };
  }

  /** Someone (by default the step's approver) decides the approval outside the app: the web app, say. */
  decideApproval(id: number, decision: Decision): { status: number; body: unknown } {
    const task = this.#tasks.get(id);
    if (!task) return { status: 404, body: { detail: 'Task not found' } };
    const by = decision.by ?? task.assignee_email;
    const { status, body, task: decided } = decide(task, { ...decision, by }, isoAt(this.#clock())) as Outcome<unknown> & { task?: Task };
    if (decided) this.#tasks.set(id, decided);
    return { status, body };
  }
}
