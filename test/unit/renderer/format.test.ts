import { describe, expect, it } from 'vitest';
import type { TaskSummary } from '../../../src-main/contract/dto.ts';
import { filterTasks } from '../../../src-renderer/lib/filterTasks.ts';
import { connectionText, relativeTime, statusTone } from '../../../src-renderer/lib/format.ts';
import { rowView } from '../../../src-renderer/lib/rowView.ts';

const rtf = new Intl.RelativeTimeFormat(undefined, { numeric: 'auto' });
const NOW = Date.UTC(2026, 10, 30, 12);

function summary(overrides: Partial<TaskSummary> = {}): TaskSummary {
  return {
    id: 1, title: 'NDA - Globex', workflowName: 'NDA Request', status: 'in_progress', statusLabel: 'In progress', stepName: 'Legal', stepType: 'review',
    assignee: 'legal@example.com', assignedToYou: false, updatedAt: new Date(NOW - 2 * 3600_000).toISOString(), unseen: false,
    lastChange: null, problem: null, group: 'active', link: 'https://app.chamelio.ai/workflows/tasks/1', 
    snooze: null, notificationLevel: 'global', ...overrides,
    // As the engine would: the shown title follows the title unless the test says otherwise.
    displayTitle: overrides.displayTitle ?? overrides.title ?? 'NDA - Globex',
  };
}

describe('format', () => {
  it('relative times pick the largest whole unit', () => {
    expect(relativeTime(NOW - 2 * 3600_000, NOW)).toBe(rtf.format(-2, 'hour'));
    expect(relativeTime(NOW - 30_000, NOW)).toBe(rtf.format(0, 'second'));
    expect(relativeTime(NOW - 3 * 86_400_000, NOW)).toBe(rtf.format(-3, 'day'));
  });

  it('statuses get a tone; an undocumented one is neutral', () => {
    expect(statusTone('failed')).toBe('danger');
    expect(statusTone('awaiting_signature')).toBe('neutral');
  });

  it('the connection line carries the API’s own words', () => {
    expect(connectionText({ kind: 'key-problem', reason: 'key-revoked', detail: 'API key has been revoked' }, NOW)).toBe(
      'Key problem: API key has been revoked',
    );
    expect(connectionText({ kind: 'offline', message: 'No answer', since: NOW }, NOW)).toBe('Offline: No answer');
  });
});

describe('rows', () => {
  it('say "you" for the user, the step with its type, and the problem before the change', () => {
    const view = rowView(summary({ assignedToYou: true, unseen: true, lastChange: 'Pending → In progress' }), NOW);
    expect(view.who).toBe(`Updated ${rtf.format(-2, 'hour')} · Assignee: you`);
    expect(view.where).toBe('NDA Request · Step: Legal (review)');
    expect(view.note).toBe('Pending → In progress');
    const broken = rowView(summary({ problem: { kind: 'unavailable', message: 'Task not found' }, unseen: true, lastChange: 'x' }), NOW);
    expect(broken).toMatchObject({ note: '⚠ Unavailable: Task not found', noteIsProblem: true });
    // The last status is stale: the badge says what is wrong instead, in the danger tone.
    expect(broken).toMatchObject({ status: 'Unavailable', tone: 'danger', stale: true });
    expect(rowView(summary({ problem: { kind: 'error', message: 'No access' } }), NOW)).toMatchObject({ status: 'Error', tone: 'danger', stale: true });
    expect(rowView(summary(), NOW)).toMatchObject({ status: 'In progress', tone: 'active', stale: false });
    expect(rowView(summary({ title: null, displayTitle: 'Task 1', status: null, statusLabel: null }), NOW)).toMatchObject({ title: 'Task 1', status: 'Loading…' });
  });

  it('a snoozed row says when it wakes, in place of the unseen change', () => {
    const timed = rowView(summary({ group: 'snoozed', snooze: { kind: 'timed', until: NOW + 3600_000 }, unseen: true, lastChange: 'x' }), NOW);
    expect(timed.note).toMatch(/^Snoozed until /);
    expect(timed.noteIsProblem).toBe(false);
    expect(rowView(summary({ group: 'snoozed', snooze: { kind: 'until-change' } }), NOW).note).toBe('Snoozed until it changes');
  });

  it('the filter matches every word and keeps the engine’s order', () => {
    const tasks = [summary({ id: 3, title: 'Lease', workflowName: 'Real Estate' }), summary({ id: 1 }), summary({ id: 2, title: 'NDA - Initech', assignedToYou: true })];
    expect(filterTasks(tasks, 'nda').map((t) => t.id)).toEqual([1, 2]);
    expect(filterTasks(tasks, 'nda you').map((t) => t.id)).toEqual([2]);
    expect(filterTasks(tasks, 'in progress').map((t) => t.id)).toEqual([3, 1, 2]);
    expect(filterTasks(tasks, '  ')).toBe(tasks);
  });
});
