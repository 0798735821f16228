import { beforeAll, describe, expect, it, vi } from 'vitest';
import { COMMAND_NAMES, type Bridge } from '../../../src-main/contract/bridge.ts';

// The preload's only import is `electron`; this stands in for its renderer-side half.
const exposed: Record<string, unknown> = {};
const listeners = new Map<string, Set<(...args: unknown[]) => void>>();
const invoke = vi.fn(async (channel: string, ...args: unknown[]) => ({ channel, args }));
vi.mock('electron', () => {
  const contextBridge = { exposeInMainWorld: (name: string, api: unknown) => void (exposed[name] = api) };
  const ipcRenderer = {
    invoke,
    on: (channel: string, listener: (...args: unknown[]) => void) => {
      if (!listeners.has(channel)) listeners.set(channel, new Set());
      listeners.get(channel)!.add(listener);
    },
    removeListener: (channel: string, listener: (...args: unknown[]) => void) => void listeners.get(channel)?.delete(listener),
  };
  return { contextBridge, ipcRenderer, default: { contextBridge, ipcRenderer } };
});

let bridge: Bridge;
beforeAll(async () => {
  await import('../../../src-main/electron/preload.ts');
  bridge = exposed['chamelio'] as Bridge;
});

describe('the preload', () => {
  it('exposes window.chamelio with exactly the contract commands and on()', () => {
    expect(Object.keys(exposed)).toEqual(['chamelio']);
    expect(Object.keys(bridge).sort()).toEqual([...COMMAND_NAMES, 'on'].sort());
    expect(bridge).not.toHaveProperty('invoke');
    expect(bridge).not.toHaveProperty('ipcRenderer');
  });

  it('invokes each command on its channel with the arguments as given', async () => {
    await expect(bridge.setApiKey('ca_x', true)).resolves.toEqual({ channel: 'chamelio:setApiKey', args: ['ca_x', true] });
    await bridge.getTaskDetail(5);
    expect(invoke).toHaveBeenLastCalledWith('chamelio:getTaskDetail', 5);
  });

  it('hands listeners the payload only, never the IPC event, and unsubscribes', () => {
    const got: unknown[][] = [];
    const off = bridge.on('show', (...args: unknown[]) => void got.push(args));
    const ipcEvent = { sender: { send: () => undefined }, senderFrame: {} };
    for (const l of listeners.get('chamelio:show') ?? []) l(ipcEvent, { view: 'task', taskId: 42 });
    expect(got).toEqual([[{ view: 'task', taskId: 42 }]]);
    off();
    expect(listeners.get('chamelio:show')?.size).toBe(0);
  });

  it('refuses events the contract does not have', () => {
    expect(() => bridge.on('secrets' as never, () => undefined)).toThrow(/unknown event/);
  });
});
