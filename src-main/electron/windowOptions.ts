/**
 * The popover window's options, in one place so a test can assert them exactly. Most of these are
 * Electron's defaults today; they are spelled out because defaults change, because electronegativity
 * looks for them, and because they are the contract this app's security rests on.
 */
import type { BrowserWindowConstructorOptions, WebPreferences } from 'electron';

export const POPOVER_SIZE = { width: 380, height: 560 } as const;

export const SECURE_WEB_PREFERENCES = {
  contextIsolation: true,
  sandbox: true,
  nodeIntegration: false,
  nodeIntegrationInWorker: false,
  nodeIntegrationInSubFrames: false,
  webSecurity: true,
  allowRunningInsecureContent: false,
  experimentalFeatures: false,
  webviewTag: false,
  navigateOnDragDrop: false,
  spellcheck: false,
  safeDialogs: true,
  disableBlinkFeatures: 'Auxclick',
} as const satisfies WebPreferences;

export function popoverWindowOptions(input: { preloadPath: string; isPackaged: boolean }): BrowserWindowConstructorOptions {
  return {
    width: POPOVER_SIZE.width,
    height: POPOVER_SIZE.height,
    show: false,
    frame: false,
    resizable: false,
    movable: false,
    minimizable: false,
    maximizable: false,
    fullscreenable: false,
    skipTaskbar: true,
    title: 'Chamelio Tray',
    webPreferences: {
      ...SECURE_WEB_PREFERENCES,
      // A sandboxed preload cannot be an ES module: electron.vite.config.ts emits one CommonJS bundle.
      preload: input.preloadPath,
      devTools: !input.isPackaged,
    },
  };
}
