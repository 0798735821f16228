/** Drives the simulated API over its HTTP control routes, as another process would. */
import type { Task } from '../../../src-main/core/chamelio/Task.ts';

export class SimulatorControl {
  readonly #base: string;

  constructor(simulatorUrl: string) {
    this.#base = `${simulatorUrl}/__control`;
  }

  async #send(method: string, path: string, body?: unknown): Promise<unknown> {
    const response = await fetch(`${this.#base}${path}`, {
      method,
      headers: { 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    if (!response.ok) throw new Error(`${method} ${path}: ${response.status} ${await response.text()}`);
    return response.status === 204 ? null : response.json();
  }

  putTask(task: Task): Promise<unknown> {
    return this.#send('PUT', `/tasks/${task.task_id}`, task);
  }

  patchTask(id: number, patch: Partial<Task>): Promise<unknown> {
    return this.#send('PATCH', `/tasks/${id}`, patch);
  }

  deleteTask(id: number): Promise<unknown> {
    return this.#send('DELETE', `/tasks/${id}`);
  }

  fault(body: { fault: { kind: string; [field: string]: unknown }; times?: number; route?: string; taskId?: number }): Promise<unknown> {
    return this.#send('POST', '/faults', body);
  }

  clearFaults(): Promise<unknown> {
    return this.#send('DELETE', '/faults');
  }
}
