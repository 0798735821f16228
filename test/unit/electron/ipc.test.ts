import { describe, expect, it, vi } from 'vitest';
import { COMMAND_NAMES, channelOf, type CommandHandlers } from '../../../src-main/contract/bridge.ts';
import { InvalidArgumentsError } from '../../../src-main/contract/commandArgs.ts';
import { registerCommandHandlers, UntrustedSenderError, type InvokeEventLike, type IpcMainLike } from '../../../src-main/electron/ipc.ts';
import { untyped } from '../../support/untyped.ts';

type Listener = (event: InvokeEventLike, ...args: unknown[]) => unknown;

function setup(isOwnSender?: (sender: unknown) => boolean) {
  const handlers = new Map<string, Listener>();
  const ipc: IpcMainLike = { handle: (channel, listener) => void handlers.set(channel, listener) };
  const calls: { name: string; args: unknown[] }[] = [];
  const commandHandlers = untyped<CommandHandlers>(Object.fromEntries(
    COMMAND_NAMES.map((name) => [name, (...args: unknown[]) => (calls.push({ name, args }), `${name}-result`)]),
  ));
  const warn = vi.fn();
  registerCommandHandlers({
    ipc,
    handlers: commandHandlers,
    logger: { info: vi.fn(), warn, error: vi.fn() },
    ...(isOwnSender ? { isOwnSender } : {}),
  });
  return { handlers, calls, warn };
}

const page: InvokeEventLike = { senderFrame: { url: 'app://tray/index.html', parent: null }, sender: 'popover' };

describe('registerCommandHandlers', () => {
  it('registers exactly one handler per contract command', () => {
    const { handlers } = setup();
    expect([...handlers.keys()].sort()).toEqual(COMMAND_NAMES.map((n) => channelOf(n)).sort());
  });

  it('passes our page’s valid calls to the handler and returns its result', async () => {
    const { handlers, calls } = setup();
    await expect(handlers.get('chamelio:getTaskDetail')!(page, 12)).resolves.toBe('getTaskDetail-result');
    expect(calls).toEqual([{ name: 'getTaskDetail', args: [12] }]);
  });

  it('refuses foreign and missing frames before anything runs, and logs only the origin', async () => {
    const { handlers, calls, warn } = setup();
    for (const event of [
      { senderFrame: null },
      { senderFrame: { url: 'https://evil.example/path?secret=1', parent: null } },
      { senderFrame: { url: 'app://tray/index.html', parent: {} } },
    ]) {
      await expect(handlers.get('chamelio:setApiKey')!(event, 'ca_abcdef', false)).rejects.toBeInstanceOf(UntrustedSenderError);
    }
    expect(calls).toEqual([]);
    expect(JSON.stringify(warn.mock.calls)).not.toContain('secret=1');
    expect(JSON.stringify(warn.mock.calls)).toContain('https://evil.example');
  });

  it('refuses a trusted URL from another webContents when the sender is checked', async () => {
    const { handlers, calls } = setup((sender) => sender === 'popover');
    await expect(handlers.get('chamelio:getState')!({ ...page, sender: 'other' })).rejects.toBeInstanceOf(UntrustedSenderError);
    await expect(handlers.get('chamelio:getState')!(page)).resolves.toBe('getState-result');
    expect(calls).toHaveLength(1);
  });

  it('refuses invalid arguments before anything runs, without echoing them', async () => {
    const { handlers, calls, warn } = setup();
    await expect(handlers.get('chamelio:unpin')!(page, '1; DROP')).rejects.toBeInstanceOf(InvalidArgumentsError);
    await expect(handlers.get('chamelio:setApiKey')!(page, 'ca_secretvalue', 'yes')).rejects.toBeInstanceOf(InvalidArgumentsError);
    expect(calls).toEqual([]);
    expect(JSON.stringify(warn.mock.calls)).not.toContain('ca_secretvalue');
  });
});
