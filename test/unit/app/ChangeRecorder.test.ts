import { describe, expect, it } from 'vitest';
import { ChangeRecorder } from '../../../src-main/core/app/ChangeRecorder.ts';
import type { LivePin } from '../../../src-main/core/app/LivePin.ts';
import { FakeClock } from '../../support/FakeClock.ts';
import { makeTask } from '../../support/makeTask.ts';

const pin = (over: Partial<LivePin> = {}): LivePin => ({
  id: 7,
  pinnedAt: 0,
  snapshot: null,
  unseen: false,
  unavailable: false,
  lastCheckedAt: null,
  lastError: null,
  ...over,
});

describe('ChangeRecorder says what a result changed, and changes nothing itself', () => {
  const recorder = () => new ChangeRecorder({ clock: new FakeClock(), random: () => 0.5 });

  it('takes a first fetch as a silent baseline', () => {
    const r = recorder();
    const task = makeTask({ task_id: 7 });
    const target = pin();
    expect(r.fetched(target, task, '')).toEqual({ update: { snapshot: task }, write: true, notify: null });
    expect(target.snapshot).toBeNull();
    expect(r.activity).toEqual([]);
  });

  it('reports nothing for the same answer, and only the new value for equal data', () => {
    const task = makeTask({ task_id: 7 });
    expect(recorder().fetched(pin({ snapshot: task }), task, '')).toEqual({ update: {}, write: false, notify: null });
    const copy = structuredClone(task);
    expect(recorder().fetched(pin({ snapshot: task }), copy, '')).toEqual({ update: { snapshot: copy }, write: false, notify: null });
  });

  it('returns the change to notify, marks the pin unseen and records it in the history', () => {
    const r = recorder();
    const before = makeTask({ task_id: 7, status: 'in_progress' });
    const after = makeTask({ task_id: 7, status: 'completed' });
    const recorded = r.fetched(pin({ snapshot: before }), after, '');
    expect(recorded).toMatchObject({ update: { snapshot: after, unseen: true }, write: true });
    expect(recorded.notify?.changes.map((c) => c.kind)).toContain('completed');
    expect(r.activity[0]).toMatchObject({ taskId: 7, kind: 'completed' });
  });

  it('records a 404 once, and the task coming back', () => {
    const r = recorder();
    expect(r.unavailable(pin())).toEqual({ update: { unavailable: true }, write: true, notify: null });
    expect(r.unavailable(pin({ unavailable: true }))).toEqual({ update: {}, write: false, notify: null });
    const task = makeTask({ task_id: 7 });
    expect(r.fetched(pin({ unavailable: true, snapshot: task }), task, '')).toEqual({ update: { unavailable: false }, write: true, notify: null });
    expect(r.activity.map((e) => e.kind)).toEqual(['available-again', 'unavailable']);
  });
});
