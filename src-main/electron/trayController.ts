/**
 * The tray icon: TrayState → icon, tooltip and menu (trayIcon.ts, traySummary.ts, trayMenu.ts). The engine renders
 * on every snapshot (every poll), but icon, tooltip and menu are handed to Electron only when they
 * look different: re-setting a menu makes Linux trays (StatusNotifierItem over DBus) re-export it
 * and can close one the user has open. A changed menu is always a new Menu, set again, never one
 * changed in place, which Linux trays would not notice.
 */
import path from 'node:path';
import { Menu, Tray, nativeImage, type Rectangle } from 'electron';
import type { Logger, TrayView } from '../core/app/ports.ts';
import type { TrayState, TrayStateKind } from '../core/app/TrayState.ts';
import { trayIconFor } from './trayIcon.ts';
import { buildTrayMenuTemplate, menuSignature, trayMenuStrategy, type TrayMenuActions } from './trayMenu.ts';
import { traySummary } from './traySummary.ts';

export class TrayController implements TrayView {
  private tray: Tray | null = null;
  private kind: TrayStateKind | null = null;
  private tooltip: string | null = null;
  private title: string | null = null;
  private menu: Menu | null = null;
  private menuShape: string | null = null;
  private readonly iconDir: string;
  private readonly platform: NodeJS.Platform;
  private readonly actions: TrayMenuActions;
  private readonly now: () => number;
  private readonly onClick: () => void;
  private readonly updateReady: () => boolean;
  private last: TrayState | null = null;
  private readonly logger: Logger | undefined;
  private readonly missingIcons = new Set<string>();

  constructor(deps: {
    iconDir: string;
    platform: NodeJS.Platform;
    actions: TrayMenuActions;
    now: () => number;
    onClick: () => void;
    updateReady?: () => boolean;
    logger?: Logger;
  }) {
    this.logger = deps.logger;
    this.updateReady = deps.updateReady ?? (() => false);
    this.iconDir = deps.iconDir;
    this.platform = deps.platform;
    this.actions = deps.actions;
    this.now = deps.now;
    this.onClick = deps.onClick;
  }

  /** Only after `ready`; the Tray is kept referenced here so it is not garbage-collected. */
  create(initial: TrayState): void {
    if (this.tray) return;
    this.tray = new Tray(this.image(initial.kind));
    this.kind = initial.kind;
    this.tooltip = null;
    this.title = null;
    this.menu = null;
    this.menuShape = null;
    if (this.platform === 'darwin') this.tray.setIgnoreDoubleClickEvents(true);
    this.tray.on('click', () => this.onClick());
    if (trayMenuStrategy(this.platform) === 'popup-on-right-click') {
      this.tray.on('right-click', () => {
        if (this.menu) this.tray?.popUpContextMenu(this.menu);
      });
    }
    this.render(initial);
  }

  render(state: TrayState): void {
    const tray = this.tray;
    this.last = state;
    if (!tray) return;
    if (state.kind !== this.kind) {
      tray.setImage(this.image(state.kind));
      this.kind = state.kind;
    }
    const { tooltip, title } = traySummary(state);
    if (tooltip !== this.tooltip) {
      tray.setToolTip(tooltip);
      this.tooltip = tooltip;
    }
    // Only macOS shows a title beside the icon (Tray.setTitle is macOS-only); elsewhere the count is in the tooltip.
    if (this.platform === 'darwin' && title !== this.title) {
      tray.setTitle(title);
      this.title = title;
    }
    const template = buildTrayMenuTemplate(state, this.actions, { now: this.now, updateReady: this.updateReady });
    const shape = menuSignature(template);
    if (this.menu !== null && shape === this.menuShape) return;
    this.menu = Menu.buildFromTemplate(template);
    this.menuShape = shape;
    if (trayMenuStrategy(this.platform) === 'set-context-menu') tray.setContextMenu(this.menu);
  }

  /** Builds the menu again from the last state, for what the shell changed (an update is ready). */
  refresh(): void {
    if (this.last) this.render(this.last);
  }

  /** Empty on Linux (StatusNotifierItem): the popover then opens near the pointer, or centred on Wayland. */
  bounds(): Rectangle | null {
    return this.tray?.getBounds() ?? null;
  }

  destroy(): void {
    this.tray?.destroy();
    this.tray = null;
  }

  /**
   * nativeImage.createFromPath "returns an empty image if the path does not exist" and never throws:
   * a missing state icon falls back to the idle one, and each missing file is logged once (a wrong
   * extraResources mapping would otherwise leave an invisible tray and no word about it).
   */
  private image(kind: TrayStateKind): Electron.NativeImage {
    let image: Electron.NativeImage | null = null;
    for (const candidate of new Set<TrayStateKind>([kind, 'idle'])) {
      const asset = trayIconFor(candidate, this.platform);
      const file = path.join(this.iconDir, asset.file);
      image = nativeImage.createFromPath(file);
      if (!image.isEmpty()) {
        if (asset.template) image.setTemplateImage(true);
        return image;
      }
      if (!this.missingIcons.has(file)) this.logger?.error('a tray icon file is missing or unreadable', { file, state: candidate });
      this.missingIcons.add(file);
    }
    return image as Electron.NativeImage;
  }
}
