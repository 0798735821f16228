/**
 * The page is untrusted: every bridge call's arguments are checked for shape by the transport
 * (Electron IPC in main, the preview's HTTP host) before the engine sees them; the engine then
 * checks their meaning. One validator per command, typed so that a command without one fails to
 * compile. Shared by both transports, so they accept exactly the same calls.
 */
import type { CommandName, Commands } from './bridge.ts';
import { TRIAGE_ARG_VALIDATORS } from './triageArgs.ts';

export const MAX_PIN_TEXT_LENGTH = 20_000;
export const MAX_API_KEY_LENGTH = 512;
const MAX_COMMENT_LENGTH = 5000;
/** Deep enough for `{ notify: { status: true } }`, small enough that a hostile payload costs nothing. */
const MAX_PATCH_DEPTH = 3;
const MAX_PATCH_KEYS = 64;
const MAX_PATCH_STRING = 2048;

export class InvalidArgumentsError extends Error {
  override readonly name = 'InvalidArgumentsError';
}

export type Validator<K extends CommandName> = (args: readonly unknown[]) => Commands[K]['args'];

export function arity(args: readonly unknown[], expected: number, command: string): void {
  if (args.length !== expected) {
    throw new InvalidArgumentsError(`${command} takes ${expected} argument(s), got ${args.length}`);
  }
}

function isPositiveSafeInteger(value: unknown): value is number {
  return typeof value === 'number' && Number.isSafeInteger(value) && value > 0;
}

export function taskId(value: unknown, command: string): number {
  if (!isPositiveSafeInteger(value)) throw new InvalidArgumentsError(`${command}: the task id must be a positive integer`);
  return value;
}

function cappedString(value: unknown, max: number, what: string): string {
  if (typeof value !== 'string') throw new InvalidArgumentsError(`${what} must be text`);
  if (value.length > max) throw new InvalidArgumentsError(`${what} is longer than ${max} characters`);
  return value;
}

export function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const proto: unknown = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

/** JSON-like data only: plain objects, strings, finite numbers, booleans, null; bounded in size. */
function checkPatchValue(value: unknown, depth: number): void {
  if (value === null || typeof value === 'boolean') return;
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new InvalidArgumentsError('settings: numbers must be finite');
    return;
  }
  if (typeof value === 'string') {
    if (value.length > MAX_PATCH_STRING) throw new InvalidArgumentsError('settings: a value is too long');
    return;
  }
  // Short lists of plain values, such as the quiet weekdays.
  if (Array.isArray(value)) {
    if (depth >= MAX_PATCH_DEPTH || value.length > MAX_PATCH_KEYS) throw new InvalidArgumentsError('settings: a list is too long');
    for (const item of value) checkPatchValue(item, depth + 1);
    return;
  }
  if (isPlainObject(value)) {
    if (depth >= MAX_PATCH_DEPTH) throw new InvalidArgumentsError('settings: nested too deep');
    const keys = Object.keys(value);
    if (keys.length > MAX_PATCH_KEYS) throw new InvalidArgumentsError('settings: too many fields');
    for (const key of keys) {
      if (key === '__proto__' || key === 'constructor' || key === 'prototype') {
        throw new InvalidArgumentsError(`settings: field ${key} is not allowed`);
      }
      checkPatchValue(value[key], depth + 1);
    }
    return;
  }
  throw new InvalidArgumentsError('settings: only plain data is allowed');
}

const none =
  <K extends CommandName>(command: K): Validator<K> =>
  (args) => {
    arity(args, 0, command);
    return [] as Commands[K]['args'];
  };

const byTaskId =
  <K extends 'getTaskDetail' | 'unpin' | 'markSeen' | 'openTask' | 'getApproval' | 'cancelTask' | 'getDocuments'>(command: K): Validator<K> =>
  (args) => {
    arity(args, 1, command);
    return [taskId(args[0], command)];
  };

export const COMMAND_ARG_VALIDATORS: { [K in CommandName]: Validator<K> } = {
  getState: none('getState'),
  getTaskDetail: byTaskId('getTaskDetail'),
  pin: (args) => {
    arity(args, 1, 'pin');
    return [cappedString(args[0], MAX_PIN_TEXT_LENGTH, 'The pasted text')];
  },
  unpin: byTaskId('unpin'),
  undoUnpin: none('undoUnpin'),
  markSeen: byTaskId('markSeen'),
  refresh: none('refresh'),
  setApiKey: (args) => {
    arity(args, 2, 'setApiKey');
    const key = cappedString(args[0], MAX_API_KEY_LENGTH, 'The API key');
    if (typeof args[1] !== 'boolean') throw new InvalidArgumentsError('setApiKey: allowWeak must be true or false');
    return [key, args[1]];
  },
  clearApiKey: none('clearApiKey'),
  updateSettings: (args) => {
    arity(args, 1, 'updateSettings');
    const patch = args[0];
    if (!isPlainObject(patch)) throw new InvalidArgumentsError('updateSettings: the patch must be a plain object');
    checkPatchValue(patch, 0);
    // Shape only; the engine checks each field's meaning and answers with { ok: false, field }.
    return [patch as Commands['updateSettings']['args'][0]];
  },
  pauseNotifications: (args) => {
    arity(args, 1, 'pauseNotifications');
    const until = args[0];
    if (until !== null && !isPositiveSafeInteger(until)) {
      throw new InvalidArgumentsError('pauseNotifications: until must be a time in ms or null');
    }
    return [until];
  },
  openTask: byTaskId('openTask'),
  openChamelio: none('openChamelio'),
  clipboardSuggestion: (args) => {
    if (args.length === 0) return [];
    arity(args, 1, 'clipboardSuggestion');
    return [cappedString(args[0], MAX_PIN_TEXT_LENGTH, 'The clipboard text')];
  },
  startDemo: none('startDemo'),
  hideWindow: none('hideWindow'),
  getApproval: byTaskId('getApproval'),
  decideApproval: (args) => {
    arity(args, 2, 'decideApproval');
    const input = args[1];
    if (!isPlainObject(input) || typeof input['approved'] !== 'boolean') {
      throw new InvalidArgumentsError('decideApproval: expected { approved: true or false, comment }');
    }
    return [taskId(args[0], 'decideApproval'), { approved: input['approved'], comment: cappedString(input['comment'] ?? '', MAX_COMMENT_LENGTH, 'The comment') }];
  },
  cancelTask: byTaskId('cancelTask'),
  getDocuments: byTaskId('getDocuments'),
  openDocument: (args) => {
    arity(args, 2, 'openDocument');
    return [taskId(args[0], 'openDocument'), documentRef(args[1])];
  },
  ...TRIAGE_ARG_VALIDATORS,
};

function documentRef(value: unknown): Commands['openDocument']['args'][1] {
  if (!isPlainObject(value)) throw new InvalidArgumentsError('openDocument: expected { source, fileId or stepId }');
  const { source } = value;
  if (source === 'step') return { source, stepId: cappedString(value['stepId'], 200, 'The step id') };
  if (source === 'file' || source === 'signed') return { source, fileId: cappedString(value['fileId'], 200, 'The file id') };
  throw new InvalidArgumentsError('openDocument: source must be file, signed or step');
}

export function isCommandName(name: string): name is CommandName {
  return Object.hasOwn(COMMAND_ARG_VALIDATORS, name);
}

export function validateCommandArgs<K extends CommandName>(command: K, args: readonly unknown[]): Commands[K]['args'] {
  const validator = COMMAND_ARG_VALIDATORS[command] as Validator<K> | undefined;
  if (!validator) throw new InvalidArgumentsError(`unknown command ${String(command)}`);
  return validator(args);
}
