/**
 * The HTTP bridge's argument checks: the page is untrusted, so every command's JSON arguments are
 * checked for shape before the engine sees them (the engine checks meaning). The preview's
 * clipboardSuggestion carries the clipboard text, which the page read: the host has no clipboard.
 */
import type { CommandName, Commands } from '../../contract/bridge.ts';

export type PreviewArgs = { [K in CommandName]: K extends 'clipboardSuggestion' ? [text: string] : Commands[K]['args'] };

export class BadArguments extends Error {
  override readonly name = 'BadArguments';
}

const MAX_TEXT = 20_000;
const MAX_KEY = 512;
const MAX_DEPTH = 3;
const MAX_FIELDS = 64;

type Check<K extends CommandName> = (args: readonly unknown[]) => PreviewArgs[K];

function count(args: readonly unknown[], n: number): void {
  if (args.length !== n) throw new BadArguments(`expected ${n} argument(s), got ${args.length}`);
}

function id(value: unknown): number {
  if (typeof value !== 'number' || !Number.isSafeInteger(value) || value <= 0) throw new BadArguments('a task id is a positive integer');
  return value;
}

function text(value: unknown, max: number): string {
  if (typeof value !== 'string') throw new BadArguments('expected text');
  if (value.length > max) throw new BadArguments(`text longer than ${max} characters`);
  return value;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Plain JSON data of bounded size; no prototype tricks. */
function plainData(value: unknown, depth: number): void {
  if (value === null || typeof value === 'boolean' || typeof value === 'string') return;
  if (typeof value === 'number' && Number.isFinite(value)) return;
  if (!isPlainObject(value) || depth >= MAX_DEPTH) throw new BadArguments('settings: only a small object of plain values');
  const keys = Object.keys(value);
  if (keys.length > MAX_FIELDS) throw new BadArguments('settings: too many fields');
  for (const key of keys) {
    if (key === '__proto__' || key === 'constructor' || key === 'prototype') throw new BadArguments(`settings: field ${key}`);
    plainData(value[key], depth + 1);
  }
}

const none = <K extends CommandName>(): Check<K> => (args) => {
  count(args, 0);
  return [] as unknown as PreviewArgs[K];
};

const byId = <K extends 'getTaskDetail' | 'unpin' | 'markSeen' | 'openTask'>(): Check<K> => (args) => {
  count(args, 1);
  return [id(args[0])];
};

export const PREVIEW_ARG_CHECKS: { [K in CommandName]: Check<K> } = {
  getState: none(),
  getTaskDetail: byId(),
  pin: (args) => (count(args, 1), [text(args[0], MAX_TEXT)]),
  unpin: byId(),
  undoUnpin: none(),
  markSeen: byId(),
  refresh: none(),
  setApiKey: (args) => {
    count(args, 2);
    if (typeof args[1] !== 'boolean') throw new BadArguments('allowWeak is true or false');
    return [text(args[0], MAX_KEY), args[1]];
  },
  clearApiKey: none(),
  updateSettings: (args) => {
    count(args, 1);
    if (!isPlainObject(args[0])) throw new BadArguments('settings: a patch object');
    plainData(args[0], 0);
    return [args[0] as Commands['updateSettings']['args'][0]];
  },
  pauseNotifications: (args) => {
    count(args, 1);
    const until = args[0];
    if (until !== null && (typeof until !== 'number' || !Number.isSafeInteger(until) || until < 0)) {
      throw new BadArguments('until is a time in ms or null');
    }
    return [until];
  },
  openTask: byId(),
  openChamelio: none(),
  clipboardSuggestion: (args) => (count(args, 1), [text(args[0], MAX_TEXT)]),
  startDemo: none(),
  hideWindow: none(),
};

export function isCommandName(name: string): name is CommandName {
  return Object.hasOwn(PREVIEW_ARG_CHECKS, name);
}
