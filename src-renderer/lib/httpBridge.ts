/**
 * The browser preview's bridge: each command is `POST /api/<command>` with a JSON array of its
 * arguments, and the events arrive as server-sent events on `/api/events`. It mirrors the preload's
 * `window.chamelio`, so the UI cannot tell the two transports apart.
 */
import type { Bridge, CommandName, Commands, EventName, Events } from '../../src-main/contract/bridge.ts';

type Listener<E extends EventName> = (payload: Events[E]) => void;

export function createHttpBridge(base: string = ''): Bridge {
  const listeners: { [E in EventName]: Set<Listener<E>> } = { state: new Set(), show: new Set() };
  let source: EventSource | null = null;

  function connect(): void {
    if (source) return;
    source = new EventSource(`${base}/api/events`);
    for (const name of ['state', 'show'] as const) {
      source.addEventListener(name, (event) => {
        const payload: unknown = JSON.parse((event as MessageEvent<string>).data);
        for (const listener of listeners[name]) (listener as (p: unknown) => void)(payload);
      });
    }
  }

  async function call<K extends CommandName>(name: K, args: unknown[]): Promise<Commands[K]['result']> {
    const response = await fetch(`${base}/api/${name}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(args),
    });
    const body: unknown = await response.json().catch(() => null);
    if (!response.ok) {
      const message = body && typeof body === 'object' && 'error' in body ? String(body.error) : response.statusText;
      throw new Error(`${name}: ${message}`);
    }
    return body as Commands[K]['result'];
  }

  /** In the preview the page reads the clipboard (the host has none) and the engine finds the ids. */
  async function clipboardSuggestion(): Promise<number[]> {
    let text: string;
    try {
      text = await navigator.clipboard.readText();
    } catch {
      return [];
    }
    if (!text.trim()) return [];
    return call('clipboardSuggestion', [text.slice(0, 10_000)]);
  }

  return {
    getState: () => call('getState', []),
    getTaskDetail: (taskId) => call('getTaskDetail', [taskId]),
    pin: (text) => call('pin', [text]),
    unpin: (taskId) => call('unpin', [taskId]),
    undoUnpin: () => call('undoUnpin', []),
    markSeen: (taskId) => call('markSeen', [taskId]),
    refresh: () => call('refresh', []),
    setApiKey: (key, allowWeak) => call('setApiKey', [key, allowWeak]),
    clearApiKey: () => call('clearApiKey', []),
    updateSettings: (patch) => call('updateSettings', [patch]),
    pauseNotifications: (until) => call('pauseNotifications', [until]),
    openTask: (taskId) => call('openTask', [taskId]),
    openChamelio: () => call('openChamelio', []),
    clipboardSuggestion,
    startDemo: () => call('startDemo', []),
    hideWindow: () => call('hideWindow', []),
    on(event, listener) {
      connect();
      listeners[event].add(listener as never);
      return () => listeners[event].delete(listener as never);
    },
  };
}
