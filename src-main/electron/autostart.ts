/**
 * Launch at login. `app.setLoginItemSettings` works on macOS and Windows only; on Linux the XDG way is
 * a `.desktop` file in `~/.config/autostart/` (what Gitify lacks). Unpackaged builds are skipped: they
 * would register the bare Electron binary.
 */
import { mkdir, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';

export const AUTOSTART_FILE_NAME = 'com.chamelio.tray.desktop';

type LoginItemPlan =
  | { kind: 'login-item'; openAtLogin: boolean }
  | { kind: 'xdg-autostart'; enabled: boolean }
  | { kind: 'skip'; reason: string };

export function loginItemPlan(input: { platform: NodeJS.Platform; isPackaged: boolean; enabled: boolean }): LoginItemPlan {
  if (!input.isPackaged) return { kind: 'skip', reason: 'launch at login applies to the installed app only' };
  if (input.platform === 'darwin' || input.platform === 'win32') return { kind: 'login-item', openAtLogin: input.enabled };
  if (input.platform === 'linux') return { kind: 'xdg-autostart', enabled: input.enabled };
  return { kind: 'skip', reason: `launch at login is not supported on ${input.platform}` };
}

/**
 * The program to start: an AppImage runs from a temporary mount that is gone after quitting, so the
 * AppImage file itself (`$APPIMAGE`) is what must be launched.
 */
export function autostartExecPath(execPath: string, env: Record<string, string | undefined>): string {
  const appImage = env['APPIMAGE'];
  return appImage !== undefined && appImage !== '' ? appImage : execPath;
}

/**
 * Quotes an Exec argument as the Desktop Entry spec asks: arguments with reserved characters go in
 * double quotes with `"`, backtick, `$` and backslash escaped; a literal `%` is written `%%`.
 */
export function quoteExecArgument(arg: string): string {
  if (!/[\s"'\\`$<>~|&;*?#()]/.test(arg) && arg !== '') return arg.replace(/%/g, '%%');
  const escaped = arg.replace(/(["`$\\])/g, '\\$1').replace(/%/g, '%%');
  return `"${escaped}"`;
}

/** Values of type string are unescaped (`\\` → `\`) before the Exec quoting rules apply. */
function desktopStringValue(value: string): string {
  return value.replace(/\\/g, '\\\\');
}

export function autostartDesktopEntry(execPath: string): string {
  const oneLine = (s: string): string => s.replace(/[\r\n]/g, ' ');
  return [
    '[Desktop Entry]',
    'Type=Application',
    'Version=1.0',
    'Name=Chamelio Tray',
    'Comment=Watch pinned Chamelio workflow tasks from the system tray',
    `Exec=${desktopStringValue(oneLine(quoteExecArgument(execPath)))}`,
    'Terminal=false',
    'Categories=Utility;',
    'X-GNOME-Autostart-enabled=true',
    '',
  ].join('\n');
}

export function autostartFilePath(env: Record<string, string | undefined>, homeDir: string): string {
  const configHome = env['XDG_CONFIG_HOME'];
  const base = configHome !== undefined && path.isAbsolute(configHome) ? configHome : path.join(homeDir, '.config');
  return path.join(base, 'autostart', AUTOSTART_FILE_NAME);
}

export async function writeAutostartEntry(file: string, execPath: string): Promise<void> {
  await mkdir(path.dirname(file), { recursive: true });
  await writeFile(file, autostartDesktopEntry(execPath), { mode: 0o644 });
}

export async function removeAutostartEntry(file: string): Promise<void> {
  await rm(file, { force: true });
}
