/**
 * A recording stand-in for the `electron` module. It stands in for the Electron runtime, which cannot
 * be downloaded or run on these machines, so that the built main bundle can boot in plain Node (see
 * test/integration/electron-boot.test.ts). Every call is recorded with whether `ready` had fired;
 * the harness drives events (ready, IPC calls, window events) and reads the recording back.
 *
 * It models only what main uses, and behaves like Electron where the wiring depends on it: `ready`
 * fires once (whenReady), BrowserWindow creation emits `web-contents-created`, loadURL ends with
 * `did-finish-load`, a Tray before ready throws, and so do protocol.handle and safeStorage; `app.quit()`
 * closes every window first and stops if one of them prevents its `close`.
 *
 * This file is the module main imports as `electron`; the parts are in electron-stand-in/: the
 * recording and settings, the app and its window, what main registers (protocol, menus, session,
 * IPC), the tray and notifications, and the system services.
 */
import { app, BrowserWindow, screen } from './electron-stand-in/app.ts';
import { ipcMain, Menu, protocol, session } from './electron-stand-in/registrations.ts';
import { clipboard, contextBridge, dialog, globalShortcut, ipcRenderer, nativeTheme, net, powerMonitor, safeStorage, shell } from './electron-stand-in/system.ts';
import { nativeImage, Notification, Tray } from './electron-stand-in/tray.ts';

// For the harness: the recording, the settings it sets before main loads, Electron-like events.
export { cancellable, recording, settings, summarize, type RecordedCall } from './electron-stand-in/recording.ts';
export * from './electron-stand-in/app.ts';
export * from './electron-stand-in/registrations.ts';
export * from './electron-stand-in/tray.ts';
export * from './electron-stand-in/system.ts';

const electron = {
  app,
  protocol,
  Menu,
  session,
  ipcMain,
  BrowserWindow,
  screen,
  nativeImage,
  Tray,
  Notification,
  globalShortcut,
  safeStorage,
  net,
  powerMonitor,
  nativeTheme,
  shell,
  dialog,
  clipboard,
  contextBridge,
  ipcRenderer,
};
export default electron;
