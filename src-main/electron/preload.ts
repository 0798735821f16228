/**
 * The preload: the page's only way out. It exposes `window.chamelio`, exactly the contract's commands
 * and an `on(event, listener)` for its events, never `ipcRenderer` itself. Event listeners are
 * wrapped so the IPC event object (which carries `sender`) never reaches the page. Sandboxed, so it
 * is built as one CommonJS bundle and may import nothing but `electron` and bundled code.
 */
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import {
  COMMAND_NAMES,
  EVENT_NAMES,
  channelOf,
  type Bridge,
  type CommandName,
  type EventName,
  type Events,
} from '../contract/bridge.ts';

function command<K extends CommandName>(name: K): Bridge[K] {
  const channel = channelOf(name);
  return ((...args: unknown[]) => ipcRenderer.invoke(channel, ...args)) as Bridge[K];
}

const commands = Object.fromEntries(COMMAND_NAMES.map((name) => [name, command(name)])) as Omit<Bridge, 'on'>;

const knownEvents: ReadonlySet<string> = new Set(EVENT_NAMES);

const bridge: Bridge = {
  ...commands,
  on<E extends EventName>(event: E, listener: (payload: Events[E]) => void): () => void {
    if (!knownEvents.has(event)) throw new Error(`unknown event ${String(event)}`);
    if (typeof listener !== 'function') throw new Error('listener must be a function');
    const channel = channelOf(event);
    const wrapped = (_event: IpcRendererEvent, payload: Events[E]): void => listener(payload);
    ipcRenderer.on(channel, wrapped);
    return () => {
      ipcRenderer.removeListener(channel, wrapped);
    };
  },
};

contextBridge.exposeInMainWorld('chamelio', bridge);
