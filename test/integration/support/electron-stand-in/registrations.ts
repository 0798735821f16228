/**
 * Part of the recording stand-in for `electron` (../electron-stand-in.ts), which stands in for the
 * Electron runtime that cannot run here. What main registers with Electron: the app:// protocol,
 * menus, the session's permission handlers and IPC handlers.
 */
import { EventEmitter } from 'node:events';
import { isReadyNow, record, requireReady } from './recording.ts';

// ── protocol ──────────────────────────────────────────────────────────────────────────────────────
export const protocolHandlers = new Map<string, (request: Request) => Promise<Response> | Response>();
export const protocol = {
  registerSchemesAsPrivileged(schemes: unknown): void {
    record('protocol.registerSchemesAsPrivileged', schemes);
    if (isReadyNow()) throw new Error('registerSchemesAsPrivileged must be called before ready');
  },
  handle(scheme: string, handler: (request: Request) => Promise<Response> | Response): void {
    record('protocol.handle', scheme);
    requireReady('protocol.handle');
    protocolHandlers.set(scheme, handler);
  },
};

// ── menus ─────────────────────────────────────────────────────────────────────────────────────────
export interface StandInMenu {
  template: unknown[];
}
export const menus: { application: StandInMenu | null; built: StandInMenu[] } = { application: null, built: [] };
export const Menu = {
  buildFromTemplate(template: unknown[]): StandInMenu {
    const menu = { template };
    menus.built.push(menu);
    return menu;
  },
  setApplicationMenu(menu: StandInMenu | null): void {
    record('Menu.setApplicationMenu', menu ? menu.template : null);
    menus.application = menu;
  },
};

// ── session ───────────────────────────────────────────────────────────────────────────────────────
export const permissionHandlers: {
  request: ((wc: unknown, permission: string, callback: (granted: boolean) => void, details: unknown) => void) | null;
  check: ((...args: unknown[]) => boolean) | null;
  device: ((...args: unknown[]) => boolean) | null;
} = { request: null, check: null, device: null };
export const session = {
  defaultSession: {
    setPermissionRequestHandler(handler: typeof permissionHandlers.request): void {
      record('session.setPermissionRequestHandler');
      permissionHandlers.request = handler;
    },
    setPermissionCheckHandler(handler: typeof permissionHandlers.check): void {
      record('session.setPermissionCheckHandler');
      permissionHandlers.check = handler;
    },
    setDevicePermissionHandler(handler: typeof permissionHandlers.device): void {
      record('session.setDevicePermissionHandler');
      permissionHandlers.device = handler;
    },
  },
};

// ── ipcMain ───────────────────────────────────────────────────────────────────────────────────────
class StandInIpcMain extends EventEmitter {
  readonly handlers = new Map<string, (event: unknown, ...args: unknown[]) => unknown>();
  handle(channel: string, handler: (event: unknown, ...args: unknown[]) => unknown): void {
    record('ipcMain.handle', channel);
    if (this.handlers.has(channel)) throw new Error(`Attempted to register a second handler for '${channel}'`);
    this.handlers.set(channel, handler);
  }
  removeHandler(channel: string): void {
    this.handlers.delete(channel);
  }
  override on(event: string | symbol, listener: (...args: unknown[]) => void): this {
    record('ipcMain.on', String(event));
    return super.on(event, listener);
  }
}
export const ipcMain = new StandInIpcMain();
