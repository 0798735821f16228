/**
 * Which icon file shows a tray state. macOS gets template images (black + alpha; the name must end in
 * `Template` so the menu bar tints them for light and dark), Windows an `.ico` with several sizes,
 * Linux a coloured PNG (`@2x` picked up for HiDPI). The files are made by scripts/make-icons.ts.
 */
import path from 'node:path';
import type { TrayStateKind } from '../core/app/TrayState.ts';

export const TRAY_STATE_KINDS: readonly TrayStateKind[] = [
  'idle',
  'changes-unseen',
  'needs-you',
  'key-problem',
  'offline',
  'paused',
];

interface TrayIconAsset {
  /** File name inside the tray icon folder. */
  file: string;
  /** macOS template image: the OS colours it. */
  template: boolean;
}

export function trayIconFor(kind: TrayStateKind, platform: NodeJS.Platform): TrayIconAsset {
  if (platform === 'darwin') return { file: `tray-${kind}Template.png`, template: true };
  if (platform === 'win32') return { file: `tray-${kind}.ico`, template: false };
  return { file: `tray-${kind}.png`, template: false };
}

/**
 * Packaged: electron-builder copies assets/tray to `<resources>/tray` (extraResources, so names and
 * the `@2x` siblings survive untouched). Unpackaged: straight from the repository.
 */
export function trayIconDirectory(input: { isPackaged: boolean; resourcesPath: string; appPath: string }): string {
  return input.isPackaged ? path.join(input.resourcesPath, 'tray') : path.join(input.appPath, 'assets', 'tray');
}
