import type { AppSnapshot, TaskSummary } from '../../../src-main/contract/dto.ts';

/**
 * What the engine last said: its snapshot, held raw (replaced whole with every `state` event, never
 * edited here, so nothing deep-proxies hundreds of tasks), and whether the engine answers at all.
 */
export class EngineState {
  snapshot = $state.raw<AppSnapshot | null>(null);
  /** False while the engine does not answer (the preview's host stopped). */
  reachable = $state(true);

  get tasks(): readonly TaskSummary[] {
    return this.snapshot?.tasks ?? [];
  }

  task(id: number): TaskSummary | undefined {
    return this.snapshot?.tasks.find((t) => t.id === id);
  }
}
