/**
 * What every part of the boot walk-through shares: the stand-in, the report being written, the
 * popover and the tray main created, and the ways the harness plays a renderer (IPC calls from our
 * page) and a user (the tray menu as it is reached).
 */
import type { BrowserWindow, Tray } from '../electron-stand-in.ts';

export type StandIn = typeof import('../electron-stand-in.ts');
/** Short but valid: the old Electron mask let keys this short through. */
export const TEST_KEY = 'ca_abcdefg';
export const STATE_CHANNEL = 'chamelio:state';

export type MenuItem = { id?: string; label?: string; click?: () => void; submenu?: MenuItem[] };
type Handler = (event: unknown, ...args: unknown[]) => unknown;
type Snapshot = { key: unknown; build: { version: string; updates: { kind: string } } | null };
type Outcome = { ok: boolean; value?: unknown; error?: string };

export interface BootContext {
  s: StandIn;
  platform: NodeJS.Platform;
  scenario: string;
  userData: string;
  report: Record<string, unknown>;
  errors: string[];
  /** The electron-updater stand-in's URL, as the bundle resolves it. */
  updaterStandInUrl: string;
  /** Waits for what main does in its own time; false (and an error in the report) on a timeout. */
  waitFor(what: string, condition: () => boolean, timeoutMs?: number): Promise<boolean>;
  win: BrowserWindow | undefined;
  tray: Tray | undefined;
  /** The ipcMain handler of a contract command. */
  handler(name: string): Handler;
  /** An IPC event from our own page. */
  fromPage(): { senderFrame: { url: string; parent: null }; sender: unknown };
  /** A call's result or its error, JSON-safe. */
  outcome(promise: () => unknown): Promise<Outcome>;
  /** The tray menu as the user reaches it: set as the context menu, or (macOS) popped up on right-click. */
  trayMenuNow(): MenuItem[];
  /** The last snapshot pushed to the page. */
  lastState(): Snapshot | undefined;
}

type ContextBase = Pick<BootContext, 's' | 'platform' | 'scenario' | 'userData' | 'report' | 'errors' | 'updaterStandInUrl' | 'waitFor'>;

export function bootContext(base: ContextBase): BootContext {
  const { s, platform } = base;
  const win = s.BrowserWindow.all[0];
  const tray = s.Tray.all[0];
  return {
    ...base,
    win,
    tray,
    handler: (name) => s.ipcMain.handlers.get(`chamelio:${name}`) as Handler,
    fromPage: () => ({ senderFrame: { url: 'app://tray/index.html', parent: null }, sender: win?.webContents }),
    async outcome(promise) {
      try {
        return { ok: true, value: s.summarize(await promise()) };
      } catch (error) {
        return { ok: false, error: error instanceof Error ? `${error.name}: ${error.message}` : String(error) };
      }
    },
    trayMenuNow() {
      if (!tray) return [];
      if (platform !== 'darwin') return (tray.contextMenu?.template ?? []) as MenuItem[];
      tray.emit('right-click');
      return (tray.poppedUp?.template ?? []) as MenuItem[];
    },
    lastState: () => win?.webContents.sent.filter((m) => m.channel === STATE_CHANNEL).at(-1)?.payload as Snapshot | undefined,
  };
}
