/**
 * The one way the UI reaches the engine: the preload's `window.chamelio` in Electron, HTTP in the
 * preview. Either way a failed command rejects with a `CommandFailure` (a kind, never transport text).
 */
import type { Bridge } from '../../src-main/contract/bridge.ts';
import { withFailureKinds } from './failure.ts';
import { createHttpBridge, type EngineLink } from './httpBridge.ts';

declare global {
  interface Window {
    chamelio?: Bridge;
  }
}

export interface Connection {
  bridge: Bridge;
  /** Whether the engine answers; null when it cannot go away (Electron's IPC). */
  link: EngineLink | null;
  close(): void;
}

let connection: Connection | null = null;

export function getBridge(): Connection {
  if (!connection) {
    if (window.chamelio) {
      connection = { bridge: withFailureKinds(window.chamelio), link: null, close: () => {} };
    } else {
      const http = createHttpBridge();
      connection = { bridge: http, link: http.link, close: () => http.close() };
    }
  }
  return connection;
}
