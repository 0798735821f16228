/**
 * How a simulated task moves on by itself in demo mode, so the tray has something to notice:
 * mostly the next step (with that step's usual assignee), sometimes a reassignment, a wait, or
 * rarely a failure or cancellation. The result is always self-consistent: updated_at is the
 * change's time, step_runs and variables follow the current step, completed_at is set exactly when
 * the task completes.
 */
import { isTerminalStatus, type StepRun, type Task } from '../../core/chamelio/Task.ts';
import { DEMO_ASSIGNEES, DEMO_WORKFLOWS, type DemoStep } from './demoWorkflows.ts';

export type Evolution = 'started' | 'next-step' | 'completed' | 'reassigned' | 'waiting' | 'resumed' | 'failed' | 'cancelled';

/** Returns a new task (the input is not changed) and what happened to it. */
export function evolveTask(task: Task, at: string, random: () => number): { task: Task; evolution: Evolution } {
  const next = structuredClone(task);
  next.updated_at = at;
  const roll = random();
  let evolution: Evolution;
  if (next.status === 'created') {
    evolution = 'started';
    setStatus(next, 'in_progress');
  } else if (roll < 0.15) {
    evolution = 'reassigned';
    next.assignee_email = pickOther(DEMO_ASSIGNEES, next.assignee_email, random);
  } else if (roll < 0.25) {
    evolution = next.status === 'pending' ? 'resumed' : 'waiting';
    setStatus(next, next.status === 'pending' ? 'in_progress' : 'pending');
  } else if (roll < 0.28) {
    evolution = 'failed';
    setStatus(next, 'failed');
  } else if (roll < 0.3) {
    evolution = 'cancelled';
    setStatus(next, 'cancelled');
    clearCurrentStep(next);
  } else {
    evolution = advance(next);
  }
  return { task: next, evolution };
}

/** Whether the evolver may pick this task. */
export function isEvolvable(task: Task): boolean {
  return !isTerminalStatus(task.status);
}

export function advance(task: Task): Evolution {
  const steps = DEMO_WORKFLOWS[task.workflow_id]?.steps ?? [];
  const index = steps.findIndex((step) => step.step_id === task.current_step_id);
  const currentRun = lastRunOf(task, task.current_step_id);
  if (currentRun) currentRun.status = 'completed';
  const following = index >= 0 ? steps[index + 1] : undefined;
  if (!following) {
    task.status = 'completed';
    task.completed_at = task.updated_at;
    task.assignee_email = null;
    clearCurrentStep(task);
    return 'completed';
  }
  const waits = following.step_type === 'approval' || following.step_type === 'signature';
  task.status = waits ? 'pending' : 'in_progress';
  task.current_step_id = following.step_id;
  task.current_step_name = following.step_name;
  task.current_step_type = following.step_type;
  task.assignee_email = following.assignee ?? task.assignee_email;
  task.step_runs.push(newRun(task, following, task.status));
  return 'next-step';
}

export function newRun(task: Task, step: DemoStep, status: string): StepRun {
  return {
    step_run_id: `sr_${task.task_id}_${task.step_runs.length + 1}`,
    step_id: step.step_id,
    step_name: step.step_name,
    step_type: step.step_type,
    status,
    variables: [],
  };
}

/** Keeps the current step run's status in line with the task's. */
function setStatus(task: Task, status: 'in_progress' | 'pending' | 'failed' | 'cancelled'): void {
  task.status = status;
  const run = lastRunOf(task, task.current_step_id);
  if (run) run.status = status;
}

export function clearCurrentStep(task: Task): void {
  task.current_step_id = null;
  task.current_step_name = null;
  task.current_step_type = null;
}

export function lastRunOf(task: Task, stepId: string | null): StepRun | undefined {
  if (stepId === null) return undefined;
  for (let i = task.step_runs.length - 1; i >= 0; i--) if (task.step_runs[i]?.step_id === stepId) return task.step_runs[i];
  return undefined;
}

function pickOther(pool: readonly string[], current: string | null, random: () => number): string {
  const others = pool.filter((email) => email !== current);
  return others[Math.min(others.length - 1, Math.floor(random() * others.length))] ?? pool[0] ?? 'someone@acme-legal.example';
}
