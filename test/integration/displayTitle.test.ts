/**
 * One display-title rule: a task whose title is blank is "Task N" in its notification, in the tray
 * menu the shell builds from the engine's TrayState, in the list's rows and in the history.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { buildTrayMenuTemplate, type TrayMenuActions } from '../../src-main/electron/trayMenu.ts';
import { makeTask } from '../support/makeTask.ts';
import { startHarness, type Harness } from '../support/harness.ts';
import { untyped } from '../support/untyped.ts';

let h: Harness;
afterEach(async () => {
  await h?.close();
});

const ID = 7;

function trayMenuLabels(): string[] {
  const actions = untyped<TrayMenuActions>(Object.fromEntries(
    ['focusTask', 'pinFromClipboard', 'refresh', 'pauseNotifications', 'openChamelio', 'openSettings', 'quit'].map((name) => [name, vi.fn()]),
  ));
  const template = buildTrayMenuTemplate(h.app.trayState(), actions, { now: () => h.clock.now() });
  return template.filter((item) => item.id?.startsWith('task-')).map((item) => item.label ?? '');
}

describe('a task with a blank title', () => {
  it.each([['   '], [''], ['\t\n']])('reads "Task 7" everywhere when its title is %j', async (blank) => {
    h = await startHarness();
    h.simulator.setTask(makeTask({ task_id: ID, task_title: blank, status: 'in_progress' }));
    await h.app.pin(String(ID));
    await h.run(2_000);
    h.simulator.updateTask(ID, { status: 'completed' });
    await h.run(60_000);

    expect(h.notifications).toHaveLength(1);
    expect(h.notifications[0]).toMatchObject({ kind: 'single', title: 'Task 7' });
    expect(trayMenuLabels()).toEqual(['● Task 7 — Completed']);
    const row = h.app.getState().tasks[0]!;
    expect(row).toMatchObject({ id: ID, title: blank, displayTitle: 'Task 7', statusLabel: 'Completed' });
    expect(h.app.getState().activity[0]).toMatchObject({ taskId: ID, taskTitle: 'Task 7' });
    expect(h.app.getTaskDetail(ID)?.summary.displayTitle).toBe('Task 7');
  });
});
