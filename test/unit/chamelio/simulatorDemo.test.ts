import { describe, expect, it } from 'vitest';
import { DEMO_USER_EMAIL, demoTasks } from '../../../src-main/node/simulator/demoTasks.ts';
import { evolveTask, isEvolvable } from '../../../src-main/node/simulator/evolveTask.ts';
import { validateTask } from '../../../src-main/core/chamelio/validate.ts';
import { TASK_STATUSES, VARIABLE_TYPES, type Task } from '../../../src-main/core/chamelio/Task.ts';

const NOW = Date.UTC(2026, 10, 30, 9, 0, 0);

/** A small deterministic generator, so a failure can be replayed. */
function seeded(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state * 1664525 + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

function strings(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (typeof value !== 'object' || value === null) return [];
  return Object.values(value).flatMap(strings);
}

/** What must hold for any task the simulator serves, demo or evolved. */
function expectConsistent(task: Task): void {
  expect(validateTask({ task })).toEqual({ ok: true, value: task });
  const finished = task.status === 'completed' || task.status === 'archived';
  expect(task.completed_at !== null).toBe(finished);
  if (finished || task.status === 'cancelled') expect(task.current_step_id).toBeNull();
  else expect(task.step_runs.at(-1)?.step_id).toBe(task.current_step_id);
  expect(task.variables).toEqual(task.step_runs.flatMap((run) => run.variables));
  expect(Date.parse(task.created_at)).toBeLessThanOrEqual(Date.parse(task.updated_at));
  expect(new Set(task.step_runs.map((run) => run.step_run_id)).size).toBe(task.step_runs.length);
}

describe('demo tasks', () => {
  const tasks = demoTasks(NOW);

  it('are about ten valid, self-consistent tasks with distinct ids', () => {
    expect(tasks.length).toBeGreaterThanOrEqual(8);
    expect(new Set(tasks.map((t) => t.task_id)).size).toBe(tasks.length);
    for (const task of tasks) expectConsistent(task);
  });

  it('cover all seven statuses and all fourteen variable types', () => {
    expect(new Set(tasks.map((t) => t.status))).toEqual(new Set(TASK_STATUSES));
    expect(new Set(tasks.flatMap((t) => t.variables.map((v) => v.variable_type)))).toEqual(new Set(VARIABLE_TYPES));
  });

  it('give each variable type a realistic value shape', () => {
    const values = tasks.flatMap((t) => t.variables);
    const of = (type: string) => values.filter((v) => v.variable_type === type).map((v) => v.value);
    for (const money of of('number_with_currency')) expect(money).toEqual({ amount: expect.any(Number), currency: expect.stringMatching(/^[A-Z]{3}$/) });
    for (const list of of('multi_select')) expect((list as unknown[]).every((item) => typeof item === 'string')).toBe(true);
    for (const table of of('dynamic_table')) expect((table as unknown[]).every((row) => typeof row === 'object' && row !== null)).toBe(true);
    for (const list of of('dynamic_list')) expect(Array.isArray(list)).toBe(true);
    for (const file of of('file')) expect(file).toMatchObject({ file_id: expect.any(String), file_name: expect.any(String) });
    for (const thread of of('conversation')) expect((thread as unknown[])[0]).toMatchObject({ author: expect.any(String), message: expect.any(String) });
    for (const email of [...of('user_entity'), ...of('email')]) expect(email).toMatch(/^[^@\s]+@[^@\s]+\.example$/);
    for (const date of of('date')) expect(date).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    for (const flag of of('boolean')) expect(typeof flag).toBe('boolean');
    for (const number of of('number')) expect(typeof number).toBe('number');
  });

  it('assign at least two tasks to the demo user', () => {
    expect(tasks.filter((t) => t.assignee_email === DEMO_USER_EMAIL).length).toBeGreaterThanOrEqual(2);
  });

  it('use only .example addresses, and task links on the Chamelio app', () => {
    const emails = tasks.flatMap(strings).filter((s) => /@/.test(s) && !/\s/.test(s));
    expect(emails.length).toBeGreaterThan(10);
    for (const email of emails) expect(email).toMatch(/\.example$/);
    for (const task of tasks) expect(task.task_url).toBe(`https://app.chamelio.ai/workflows/tasks/${task.task_id}`);
  });

  it('are fresh objects on every call', () => {
    const first = demoTasks(NOW);
    (first[0]!.variables[0]!.value as unknown[]) = [];
    first[0]!.step_runs[0]!.status = 'failed';
    expect(demoTasks(NOW)).toEqual(tasks);
  });
});

describe('evolveTask', () => {
  it('keeps every task consistent, stamps updated_at, and ends every task in a terminal status', () => {
    for (const seed of [1, 2, 3, 42, 2026]) {
      const random = seeded(seed);
      let current = demoTasks(NOW);
      let at = NOW;
      for (let step = 0; step < 400 && current.some(isEvolvable); step++) {
        at += 20_000;
        const active = current.filter(isEvolvable);
        const picked = active[Math.floor(random() * active.length)]!;
        const before = structuredClone(picked);
        const { task, evolution } = evolveTask(picked, new Date(at).toISOString().replace('.000Z', 'Z'), random);
        expect(picked).toEqual(before);
        expect(task.updated_at).toBe(new Date(at).toISOString().replace('.000Z', 'Z'));
        expect(task).not.toEqual(before);
        if (evolution === 'completed') expect(task.completed_at).toBe(task.updated_at);
        if (evolution === 'reassigned') expect(task.assignee_email).not.toBe(before.assignee_email);
        if (evolution === 'next-step') expect(task.step_runs).toHaveLength(before.step_runs.length + 1);
        expectConsistent(task);
        current = current.map((t) => (t.task_id === task.task_id ? task : t));
      }
      expect(current.filter(isEvolvable)).toEqual([]);
    }
  });

  it('starts a created task', () => {
    const created = demoTasks(NOW).find((t) => t.status === 'created')!;
    const { task, evolution } = evolveTask(created, '2026-11-30T09:01:00Z', () => 0.99);
    expect(evolution).toBe('started');
    expect(task.status).toBe('in_progress');
    expect(task.step_runs.at(-1)?.status).toBe('in_progress');
  });
});
