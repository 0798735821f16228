import { describe, expect, it } from 'vitest';
import { buildTrayState } from '../../../src-main/core/app/buildTrayState.ts';
import type { LivePin } from '../../../src-main/core/app/LivePin.ts';
import { summarizeAll } from '../../../src-main/core/app/summarize.ts';
import type { ConnectionState } from '../../../src-main/core/app/AppSnapshot.ts';
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

function tray(pins: LivePin[], connection: ConnectionState = { kind: 'ok' }, extra: { paused?: number | null } = {}) {
  return buildTrayState({
    summaries: summarizeAll(pins, 'me@example.com', []),
    connection,
    hasKey: true,
    notificationsPausedUntil: extra.paused ?? null,
    pollingPaused: false,
    lastCheckedAt: 0,
    now: 1000,
    formatTime: () => '10:42',
  });
}

describe('summaries and tray state', () => {
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

  it('picks the most urgent state and sums it up in the tooltip', () => {
    expect(tray([pin(1), pin(2)])).toMatchObject({ kind: 'idle', tooltip: 'Chamelio Tray · 2 pinned · checked 10:42' });
    expect(tray([pin(1, { unseen: true }), pin(2)])).toMatchObject({ kind: 'changes-unseen', tooltip: 'Chamelio Tray · 2 pinned · 1 changed · checked 10:42' });
    expect(tray([pin(1, { unseen: true }, { assignee_email: 'me@example.com' })]).kind).toBe('needs-you');
    expect(tray([pin(1, { unseen: true })], { kind: 'offline', message: 'x', since: 0 }).kind).toBe('offline');
    expect(tray([pin(1)], { kind: 'key-problem', reason: 'key-expired', detail: 'API key has expired' })).toMatchObject({
      kind: 'key-problem',
      tooltip: expect.stringContaining('API key has expired'),
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
});
