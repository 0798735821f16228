/**
 * A stand-in for the engine behind the bridge. Component specs cannot run the engine (the e2e tests
 * do, through the preview); this one answers each command from a table the spec may replace and
 * records every call, so a spec asserts both what the user sees and what was asked of the engine.
 */
import type { Bridge, CommandName, Commands, EventName, Events } from '../../src-main/contract/bridge.ts';
import { COMMAND_NAMES } from '../../src-main/contract/bridge.ts';
import type { AppSnapshot } from '../../src-main/contract/dto.ts';
import { snapshot as defaultSnapshot } from './fixtures.ts';

type Answer<K extends CommandName> = (...args: Commands[K]['args']) => Promise<Commands[K]['result']> | Commands[K]['result'];
export type Answers = { [K in CommandName]?: Answer<K> };

export interface FakeBridge extends Bridge {
  readonly calls: [CommandName, unknown[]][];
  /** Calls of one command, by their arguments. */
  callsOf(name: CommandName): unknown[][];
  emit<E extends EventName>(event: E, payload: Events[E]): void;
}

export function fakeBridge(answers: Answers = {}, state: AppSnapshot = defaultSnapshot()): FakeBridge {
  const defaults: Answers = {
    getState: () => state,
    getTaskDetail: () => null,
    pin: () => ({ pinned: [], alreadyPinned: [], rejected: [] }),
    clipboardSuggestion: () => [],
    setApiKey: () => ({ ok: true, org: { name: 'Acme Corporation', rateLimitPerMinute: 120 }, protection: 'os' }),
    updateSettings: () => ({ ok: true, settings: state.settings }),
    getApproval: () => ({ ok: false, kind: 'conflict', message: 'Task is not awaiting approval' }),
    getDocuments: () => ({ signed: [], files: [], moreInChamelio: 0, step: null, problems: [] }),
  };
  const table: Answers = { ...defaults, ...answers };
  const calls: [CommandName, unknown[]][] = [];
  const listeners: { [E in EventName]: Set<(payload: Events[E]) => void> } = { state: new Set(), show: new Set() };
  const command = (name: CommandName) => async (...args: unknown[]) => {
    calls.push([name, args]);
    const answer = table[name] as ((...a: unknown[]) => unknown) | undefined;
    return answer ? await answer(...args) : undefined;
  };
  const commands = Object.fromEntries(COMMAND_NAMES.map((name) => [name, command(name)])) as Omit<Bridge, 'on'>;
  return {
    ...commands,
    calls,
    callsOf: (name) => calls.filter(([n]) => n === name).map(([, args]) => args),
    on(event, listener) {
      listeners[event].add(listener as never);
      return () => listeners[event].delete(listener as never);
    },
    emit(event, payload) {
      for (const listener of listeners[event]) (listener as (p: typeof payload) => void)(payload);
    },
  };
}
