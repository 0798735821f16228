import { stat } from 'node:fs/promises';
import { afterEach, describe, expect, it } from 'vitest';
import { MAX_FIELD_CHARS, MAX_SNAPSHOT_JSON_CHARS, SHORTENED_MARK } from '../../src-main/core/chamelio/taskLimits.ts';
import { makeTask } from '../support/makeTask.ts';
import { startHarness, type Harness } from '../support/harness.ts';
import { countCases } from './support/cases.ts';

// The simulator on 127.0.0.1 turned hostile: titles and values close to the 2 MiB answer cap,
// flipping on every poll, so every answer is a change copied into history and the state file.
let harness: Harness | null = null;
afterEach(async () => {
  await harness?.close();
  harness = null;
});

const huge = (seed: string) => seed.repeat(Math.ceil(950_000 / seed.length)).slice(0, 950_000);

describe('a hostile server sending huge titles and values', () => {
  it('keeps the state, the history and the file bounded, and nothing throws', async () => {
    harness = await startHarness();
    const h = harness;
    const ids = [1, 2, 3, 4, 5];
    for (const id of ids) {
      h.simulator.setTask(makeTask({ task_id: id, task_title: huge('A'), variables: [{ variable_type: 'text', value: huge('v'), step_id: 's', variable_id: 'v' }] }));
    }
    await h.app.pin(ids.join(' '));
    await h.run(2_000);
    let rounds = 0;
    for (let round = 0; round < 4; round++) {
      for (const id of ids) h.simulator.updateTask(id, { task_title: huge(round % 2 ? 'B' : 'C'), status: round % 2 ? 'pending' : 'in_progress' });
      await h.app.refresh();
      await h.run(3_000);
      rounds++;
    }
    const state = h.app.getState();
    expect(state.tasks).toHaveLength(5);
    for (const task of state.tasks) {
      expect(task.title!.length).toBeLessThanOrEqual(MAX_FIELD_CHARS);
      expect(task.title!.endsWith(SHORTENED_MARK)).toBe(true);
    }
    expect(state.activity.length).toBeGreaterThan(5);
    expect(Math.max(...state.activity.map((a) => a.taskTitle.length))).toBeLessThanOrEqual(MAX_FIELD_CHARS);
    const detail = h.app.getTaskDetail(1)!;
    expect(JSON.stringify(detail.task).length).toBeLessThanOrEqual(MAX_SNAPSHOT_JSON_CHARS);
    await h.app.stop();
    // Five snapshots within their cap, and a bounded history: far from the 154 MB seen before.
    expect((await stat(h.store.filePath)).size).toBeLessThan(5 * MAX_SNAPSHOT_JSON_CHARS + 2_000_000);
    expect(h.logger.lines.filter((l) => l.includes('"level":"error"'))).toEqual([]);
    countCases('hostile server', rounds * ids.length);
  });
});
