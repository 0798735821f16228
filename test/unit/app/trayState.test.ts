import { describe, expect, it } from 'vitest';
import { buildTrayState } from '../../../src-main/core/app/buildTrayState.ts';
import type { LivePin } from '../../../src-main/core/app/LivePin.ts';
import { summarizeAll } from '../../../src-main/core/app/summarize.ts';
import type { ConnectionState } from '../../../src-main/core/app/AppSnapshot.ts';
import type { ApproversNow } from '../../../src-main/core/app/EligibleApprovers.ts';
import { makeTask } from '../../support/makeTask.ts';

const pin = (id: number, over: Partial<LivePin> = {}, task: Parameters<typeof makeTask>[0] = {}): LivePin => ({
  id,
  pinnedAt: 0,
  snapshot: makeTask({ task_id: id, ...task }),
  unseen: false,
  unavailable: false,
  lastCheckedAt: null,
  lastError: null,
  ...over,
});

function tray(pins: LivePin[], connection: ConnectionState = { kind: 'ok' }, extra: { paused?: number | null; approversNow?: ApproversNow } = {}) {
  const snapshot = {
    tasks: summarizeAll(pins, 'me@example.com', [], extra.approversNow),
    connection,
    key: { isSet: true, protection: 'os', advice: null, canOptInToWeak: false },
    notificationsPausedUntil: extra.paused ?? null,
    lastCheckedAt: 0,
  } as const;
  return buildTrayState(snapshot, { pollingPaused: false, now: 1000 });
}

describe('summaries and tray state', () => {
  it('an approval whose approvers now include you needs you, in the list and the tray, though someone else is the assignee', () => {
    const approval = pin(1, { unseen: true }, { current_step_type: 'approval', status: 'pending', assignee_email: 'x@example.com' });
    expect(tray([approval])).toMatchObject({ kind: 'changes-unseen', needsYou: 0 });
    const state = tray([approval], { kind: 'ok' }, { approversNow: () => ['x@example.com', 'me@example.com'] });
    expect(state).toMatchObject({ kind: 'needs-you', needsYou: 1, tasks: [{ needsYou: true, approvalWaiting: true }] });
    expect(summarizeAll([approval], 'me@example.com', [], () => ['me@example.com'])[0]).toMatchObject({ group: 'needs-you', assignedToYou: false });
  });

  it('orders needs-you, unseen, running, finished, keeping pin order within a group', () => {
    const rows = summarizeAll(
      [
        pin(1, {}, { status: 'completed' }),
        pin(2),
        pin(3, { unseen: true }),
        pin(4, {}, { assignee_email: 'ME@example.com' }),
        pin(5, {}, { status: 'cancelled', assignee_email: 'me@example.com' }),
        pin(6),
      ],
      'me@example.com',
      [],
    );
    expect(rows.map((r) => [r.id, r.group])).toEqual([
      [4, 'needs-you'],
      [3, 'unseen'],
      [2, 'active'],
      [6, 'active'],
      [1, 'finished'],
      [5, 'finished'],
    ]);
    expect(rows[0]!.link).toBe('https://app.chamelio.ai/workflows/tasks/4');
  });

  it('never takes the link from the API', () => {
    const [row] = summarizeAll([pin(9, {}, { task_url: 'https://evil.example.com/phish' })], '', []);
    expect(row!.link).toBe('https://app.chamelio.ai/workflows/tasks/9');
  });

  it('picks the most urgent state and hands over the parts of the summary as data', () => {
    expect(tray([pin(1), pin(2)])).toMatchObject({ kind: 'idle', pinned: 2, changed: 0, needsYou: 0, lastCheckedAt: 0 });
    expect(tray([pin(1, { unseen: true }), pin(2)])).toMatchObject({ kind: 'changes-unseen', pinned: 2, changed: 1 });
    expect(tray([pin(1, {}, { assignee_email: 'me@example.com' }), pin(2)])).toMatchObject({ kind: 'idle', needsYou: 1 });
    expect(tray([pin(1, { unseen: true }, { assignee_email: 'me@example.com' })]).kind).toBe('needs-you');
    expect(tray([pin(1, { unseen: true })], { kind: 'offline', message: 'x', since: 0 }).kind).toBe('offline');
    expect(tray([pin(1)], { kind: 'key-problem', reason: 'key-expired', detail: 'API key has expired' })).toMatchObject({
      kind: 'key-problem',
      connection: { kind: 'key-problem', detail: 'API key has expired' },
    });
    expect(tray([pin(1)], { kind: 'ok' }, { paused: 5000 })).toMatchObject({ kind: 'paused', notificationsPausedUntil: 5000 });
    expect(tray([pin(1)], { kind: 'ok' }, { paused: 500 }).kind).toBe('idle'); // pause already over
  });

  it('labels menu rows by title and status, or as loading and unavailable', () => {
    const state = tray([pin(1, {}, { task_title: 'NDA' }), { ...pin(2), snapshot: null }, pin(3, { unavailable: true })]);
    expect(state.tasks.map((t) => [t.label, t.statusLabel])).toEqual([
      ['NDA', 'In progress'],
      ['Task 2', 'Loading…'],
      ['Vendor Contract Review - Task 3', 'Unavailable'],
    ]);
  });

  it('calls a task with a blank title "Task N" in the list and the tray menu alike', () => {
    const pins = [pin(4, {}, { task_title: '   ' }), pin(5, {}, { task_title: '' })];
    const rows = summarizeAll(pins, '', []);
    expect(rows.map((r) => r.displayTitle)).toEqual(['Task 4', 'Task 5']);
    expect(tray(pins).tasks.map((t) => t.label)).toEqual(['Task 4', 'Task 5']);
  });

  it('ships the status in words, and null before the first fetch', () => {
    const rows = summarizeAll([pin(1, {}, { status: 'in_progress' }), { ...pin(2), snapshot: null }], '', []);
    expect(rows.map((r) => r.statusLabel)).toEqual(['In progress', null]);
  });
});
