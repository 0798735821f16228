/** The one way the UI reaches the engine: the preload's `window.chamelio` in Electron, HTTP in the preview. */
import type { Bridge } from '../../src-main/contract/bridge.ts';
import { createHttpBridge } from './httpBridge.ts';

declare global {
  interface Window {
    chamelio?: Bridge;
  }
}

let bridge: Bridge | null = null;

export function getBridge(): Bridge {
  bridge ??= window.chamelio ?? createHttpBridge();
  return bridge;
}
