import { describe, expect, it, vi } from 'vitest';
import { COMMAND_NAMES, type CommandName } from '../../../src-main/contract/bridge.ts';
import { engineCommandHandlers, type EngineCommands } from '../../../src-main/contract/engineCommands.ts';
import { untyped } from '../../support/untyped.ts';

const SHELL_COMMANDS: readonly string[] = ['openTask', 'openChamelio', 'clipboardSuggestion', 'startDemo', 'hideWindow', 'openDocument'];
const ACTIONS: readonly string[] = ['getApproval', 'decideApproval', 'cancelTask', 'getDocuments'];
const TRIAGE: readonly string[] = ['snooze', 'unsnooze', 'setNotificationLevel', 'unpinFinished', 'copyPinnedLinks', 'sendTestNotification'];

describe('the engine pass-through handlers both transports spread', () => {
  it('cover every command but the shell ones, each calling the engine with its arguments and returning its answer', () => {
    const names = COMMAND_NAMES.filter((name) => !SHELL_COMMANDS.includes(name));
    const recorder = (name: CommandName) => vi.fn((...args: unknown[]) => ({ name, args }));
    const methods = Object.fromEntries(names.map((name) => [name, recorder(name)]));
    const pick = (group: readonly string[]) => Object.fromEntries(group.map((name) => [name, methods[name]]));
    const engine = { ...methods, actions: pick(ACTIONS), triage: pick(TRIAGE) };
    const handlers: Record<string, (...args: unknown[]) => unknown> = untyped(engineCommandHandlers(untyped<EngineCommands>(engine)));
    expect(Object.keys(handlers).sort()).toEqual([...names].sort());
    for (const name of names) {
      const answer = handlers[name]!('a', 2) as { name: string; args: unknown[] };
      expect(answer.name).toBe(name);
      expect(['a', 2].slice(0, answer.args.length)).toEqual(answer.args);
      expect(methods[name]).toHaveBeenCalledTimes(1);
    }
  });
});
