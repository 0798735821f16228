import { describe, expect, it } from 'vitest';
import { COMMAND_NAMES } from '../../../src-main/contract/bridge.ts';
import {
  COMMAND_ARG_VALIDATORS,
  InvalidArgumentsError,
  isCommandName,
  MAX_API_KEY_LENGTH,
  MAX_PIN_TEXT_LENGTH,
  validateCommandArgs,
} from '../../../src-main/contract/commandArgs.ts';

const refuses = (fn: () => unknown) => expect(fn).toThrow(InvalidArgumentsError);

describe('validateCommandArgs', () => {
  it('has a validator for every contract command and no other', () => {
    expect(Object.keys(COMMAND_ARG_VALIDATORS).sort()).toEqual([...COMMAND_NAMES].sort());
  });

  it('passes well-formed calls through unchanged', () => {
    expect(validateCommandArgs('getState', [])).toEqual([]);
    expect(validateCommandArgs('getTaskDetail', [12345])).toEqual([12345]);
    expect(validateCommandArgs('pin', ['https://app.chamelio.ai/workflows/tasks/1'])).toEqual(['https://app.chamelio.ai/workflows/tasks/1']);
    expect(validateCommandArgs('setApiKey', ['ca_abc', true])).toEqual(['ca_abc', true]);
    expect(validateCommandArgs('pauseNotifications', [null])).toEqual([null]);
    expect(validateCommandArgs('pauseNotifications', [1_800_000_000_000])).toEqual([1_800_000_000_000]);
    expect(validateCommandArgs('updateSettings', [{ keepOpen: true, notify: { status: false } }])).toEqual([
      { keepOpen: true, notify: { status: false } },
    ]);
  });

  it('requires task ids to be positive safe integers', () => {
    for (const bad of [0, -1, 1.5, Number.NaN, Infinity, 2 ** 53, '12', null, undefined, {}]) {
      refuses(() => validateCommandArgs('getTaskDetail', [bad]));
      refuses(() => validateCommandArgs('unpin', [bad]));
      refuses(() => validateCommandArgs('markSeen', [bad]));
      refuses(() => validateCommandArgs('openTask', [bad]));
    }
  });

  it('caps text lengths and requires text', () => {
    expect(validateCommandArgs('pin', ['x'.repeat(MAX_PIN_TEXT_LENGTH)])).toHaveLength(1);
    refuses(() => validateCommandArgs('pin', ['x'.repeat(MAX_PIN_TEXT_LENGTH + 1)]));
    refuses(() => validateCommandArgs('pin', [['a']]));
    refuses(() => validateCommandArgs('setApiKey', ['k'.repeat(MAX_API_KEY_LENGTH + 1), false]));
    refuses(() => validateCommandArgs('setApiKey', [42, false]));
    refuses(() => validateCommandArgs('setApiKey', ['ca_abc', 'yes']));
  });

  it('does not echo a refused key in the error', () => {
    let error: unknown = null;
    try {
      validateCommandArgs('setApiKey', [`ca_${'s'.repeat(600)}`, false]);
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(InvalidArgumentsError);
    expect(String(error)).not.toContain('ca_s');
  });

  it('accepts only plain data as a settings patch', () => {
    refuses(() => validateCommandArgs('updateSettings', [[]]));
    refuses(() => validateCommandArgs('updateSettings', [null]));
    refuses(() => validateCommandArgs('updateSettings', ['theme=dark']));
    refuses(() => validateCommandArgs('updateSettings', [new Date()]));
    refuses(() => validateCommandArgs('updateSettings', [JSON.parse('{"__proto__":{"polluted":true}}')]));
    refuses(() => validateCommandArgs('updateSettings', [{ constructor: { prototype: {} } }]));
    refuses(() => validateCommandArgs('updateSettings', [{ a: { b: { c: { d: 1 } } } }]));
    refuses(() => validateCommandArgs('updateSettings', [{ pollIntervalSeconds: Infinity }]));
    refuses(() => validateCommandArgs('updateSettings', [{ shortcut: 'x'.repeat(5000) }]));
    refuses(() => validateCommandArgs('updateSettings', [{ f: () => 1 }]));
    refuses(() => validateCommandArgs('updateSettings', [Object.fromEntries(Array.from({ length: 100 }, (_, i) => [`k${i}`, i]))]));
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
  });

  it('accepts short lists of plain values in a patch (quiet weekdays), and checks the triage commands', () => {
    expect(validateCommandArgs('updateSettings', [{ quietHours: { days: [1, 2] } }])).toEqual([{ quietHours: { days: [1, 2] } }]);
    refuses(() => validateCommandArgs('updateSettings', [{ quietHours: { days: Array.from({ length: 100 }, () => 1) } }]));
    refuses(() => validateCommandArgs('updateSettings', [{ quietHours: { days: [{ x: [1] }] } }]));
    expect(validateCommandArgs('snooze', [5, { kind: 'until', at: 10, extra: 1 }])).toEqual([5, { kind: 'until', at: 10 }]);
    expect(validateCommandArgs('snooze', [5, { kind: 'tomorrow' }])).toEqual([5, { kind: 'tomorrow' }]);
    refuses(() => validateCommandArgs('snooze', [5, { kind: 'forever' }]));
    refuses(() => validateCommandArgs('snooze', [5, { kind: 'until', at: 'noon' }]));
    refuses(() => validateCommandArgs('snooze', [0, { kind: 'hour' }]));
    expect(validateCommandArgs('setNotificationLevel', [5, 'never'])).toEqual([5, 'never']);
    refuses(() => validateCommandArgs('setNotificationLevel', [5, 'loud']));
    refuses(() => validateCommandArgs('unpinFinished', [1]));
  });

  it('requires the exact number of arguments', () => {
    refuses(() => validateCommandArgs('refresh', [1]));
    refuses(() => validateCommandArgs('getTaskDetail', []));
    refuses(() => validateCommandArgs('setApiKey', ['ca_abc']));
    refuses(() => validateCommandArgs('pauseNotifications', ['tomorrow']));
    refuses(() => validateCommandArgs('pauseNotifications', [-5]));
  });

  it('takes the clipboard text from a page that read it, or nothing from the desktop app', () => {
    expect(validateCommandArgs('clipboardSuggestion', [])).toEqual([]);
    expect(validateCommandArgs('clipboardSuggestion', ['#12'])).toEqual(['#12']);
    refuses(() => validateCommandArgs('clipboardSuggestion', [12]));
    refuses(() => validateCommandArgs('clipboardSuggestion', ['a', 'b']));
    refuses(() => validateCommandArgs('clipboardSuggestion', ['x'.repeat(MAX_PIN_TEXT_LENGTH + 1)]));
  });

  it('refuses a command the contract does not have', () => {
    refuses(() => validateCommandArgs('readApiKey' as never, []));
    expect(isCommandName('getState')).toBe(true);
    expect(isCommandName('toString')).toBe(false);
    expect(isCommandName('__proto__')).toBe(false);
  });
});
