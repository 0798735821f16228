/**
 * Part of the recording stand-in for `electron` (../electron-stand-in.ts), which stands in for the
 * Electron runtime that cannot run here. The tray icon, the images it shows, and native
 * notifications.
 */
import { EventEmitter } from 'node:events';
import { existsSync } from 'node:fs';
import { record, requireReady, settings } from './recording.ts';
import type { StandInMenu } from './registrations.ts';

// ── tray and images ───────────────────────────────────────────────────────────────────────────────
export interface StandInImage {
  path: string;
  template: boolean;
  empty: boolean;
  isEmpty(): boolean;
  setTemplateImage(on: boolean): void;
}
export const nativeImage = {
  /**
   * electron.d.ts, createFromPath: "This method returns an empty image if the `path` does not exist,
   * cannot be read, or is not a valid image." It never throws.
   */
  createFromPath(path: string): StandInImage {
    record('nativeImage.createFromPath', path);
    const empty = !existsSync(path);
    return {
      path,
      template: false,
      empty,
      isEmpty: () => empty,
      setTemplateImage(on: boolean) {
        this.template = on;
      },
    };
  },
};

export class Tray extends EventEmitter {
  static readonly all: Tray[] = [];
  image: unknown;
  tooltip = '';
  contextMenu: StandInMenu | null = null;
  contextMenuSets = 0;
  toolTipSets = 0;
  poppedUp: StandInMenu | null = null;
  constructor(image: unknown) {
    super();
    record('new Tray', image);
    requireReady('Tray');
    this.image = image;
    Tray.all.push(this);
  }
  setImage(image: unknown): void {
    record('Tray.setImage', image);
    this.image = image;
  }
  setToolTip(text: string): void {
    this.tooltip = text;
    this.toolTipSets++;
  }
  /** electron.d.ts: "setTitle(title, options?) … @platform darwin": a no-op elsewhere. */
  setTitle(title: string): void {
    record('Tray.setTitle', title);
  }
  setContextMenu(menu: StandInMenu): void {
    record('Tray.setContextMenu');
    this.contextMenu = menu;
    this.contextMenuSets++;
  }
  popUpContextMenu(menu?: StandInMenu): void {
    record('Tray.popUpContextMenu');
    this.poppedUp = menu ?? this.contextMenu;
  }
  setIgnoreDoubleClickEvents(ignore: boolean): void {
    record('Tray.setIgnoreDoubleClickEvents', ignore);
  }
  getBounds(): { x: number; y: number; width: number; height: number } {
    // The macOS menu bar and the Windows notification area report the icon; Linux (StatusNotifierItem) nothing.
    if (settings.platform === 'darwin') return { x: 1200, y: 0, width: 24, height: 24 };
    if (settings.platform === 'win32') return { x: 1800, y: 1044, width: 32, height: 32 };
    return { x: 0, y: 0, width: 0, height: 0 };
  }
  destroy(): void {
    record('Tray.destroy');
  }
}

export class Notification extends EventEmitter {
  static readonly all: Notification[] = [];
  static activationHandler: ((details: { type: string; arguments: string; actionIndex?: number }) => void) | null = null;
  /** electron.d.ts: "Whether or not desktop notifications are supported on the current system" (Linux: libnotify loaded). */
  static isSupported(): boolean {
    return settings.notificationsSupported;
  }
  /** electron.d.ts: `@platform win32`; elsewhere there is no such function. */
  static handleActivation(callback: (details: { type: string; arguments: string; actionIndex?: number }) => void): void {
    record('Notification.handleActivation');
    if (settings.platform !== 'win32') throw new TypeError('Notification.handleActivation is not a function');
    Notification.activationHandler = callback;
  }
  readonly options: Record<string, unknown>;
  constructor(options: Record<string, unknown>) {
    super();
    record('new Notification', options);
    requireReady('Notification');
    this.options = options;
  }
  /**
   * electron.d.ts, 'failed': "Emitted when an error is encountered while creating and showing the
   * native notification" (darwin, win32; an unsigned macOS build, say). The stand-in fails when told to.
   */
  show(): void {
    record('Notification.show');
    Notification.all.push(this);
    if (settings.notificationError !== null) {
      const error = settings.notificationError;
      setImmediate(() => this.emit('failed', {}, error));
    }
  }
  close(): void {
    record('Notification.close');
  }
}
