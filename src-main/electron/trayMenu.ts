/**
 * The tray's context menu, built from TrayState alone. Every platform has it (see
 * trayMenuStrategy): Linux trays (StatusNotifierItem) may never deliver a click, so everything the
 * popover offers at a glance must also be reachable here. The template is built for every state,
 * but TrayController hands it to Electron only when menuSignature() says it looks different.
 */
import type { MenuItemConstructorOptions } from 'electron';
import type { PopoverFocus } from '../contract/bridge.ts';
import type { TrayMenuTask, TrayState } from '../core/app/TrayState.ts';
import { defaultFormatTime, traySummary } from './traySummary.ts';
import { truncate } from '../core/base/truncate.ts';

export interface TrayMenuActions {
  /** Shows the popover on that task (at its approval, for one waiting on the user), or on the list for null. */
  focusTask(taskId: number | null, focus?: PopoverFocus): void;
  pinFromClipboard(): void;
  refresh(): void;
  pauseNotifications(until: number | null): void;
  openChamelio(): void;
  openSettings(): void;
  openLogFolder(): void;
  copyDiagnostics(): void;
  /** Quits and installs a downloaded update (offered only when there is one). */
  restartToUpdate(): void;
  quit(): void;
}

interface TrayMenuOptions {
  /**
   * Read when the menu is built (what it says: paused or not, "until 08:00") and again when an item
   * is clicked (what it does: "for 1 hour" from the click, not from when the menu was built).
   */
  now: () => number;
  /** "10:42"; injected so tests do not depend on the machine's locale. */
  formatTime?: (ms: number) => string;
  /** True once an update has been downloaded (updates.ts). */
  updateReady?: () => boolean;
}

export const MAX_MENU_TASKS = 12;
const MAX_LABEL_LENGTH = 60;
export const ONE_HOUR_MS = 60 * 60 * 1000;
/** "Until tomorrow" means the next local 08:00. */
const MORNING_HOUR = 8;

/** The next local `hour`:00 strictly after `now` (today if still ahead, else tomorrow; DST-safe). */
export function nextLocalMorning(now: number, hour = MORNING_HOUR): number {
  const d = new Date(now);
  const candidate = new Date(d.getFullYear(), d.getMonth(), d.getDate(), hour, 0, 0, 0);
  if (candidate.getTime() <= now) candidate.setDate(candidate.getDate() + 1);
  return candidate.getTime();
}

/**
 * Task titles come from the API. Electron reads `&` in menu labels as a Windows-style mnemonic
 * marker on every platform (Windows and Linux menus, and l10n_util::FixUpWindowsStyleLabel in its
 * macOS menu controller), so "R&D review" would lose its ampersand: `&&` is a literal one.
 */
export function menuLabel(text: string): string {
  const oneLine = text.replace(/\s+/g, ' ').trim();
  return truncate(oneLine, MAX_LABEL_LENGTH).replace(/&/g, '&&');
}

function taskItem(task: TrayMenuTask, actions: TrayMenuActions): MenuItemConstructorOptions {
  const marker = task.needsYou ? '★ ' : task.unseen ? '● ' : '';
  return {
    // The id says where the click goes, so the menu is rebuilt when that changes (menuSignature).
    id: task.approvalWaiting ? `task-${task.id}-approval` : `task-${task.id}`,
    label: `${marker}${menuLabel(task.label)} — ${menuLabel(task.statusLabel)}`,
    click: () => (task.approvalWaiting ? actions.focusTask(task.id, 'approval') : actions.focusTask(task.id)),
  };
}

/** The pinned tasks, the first MAX_MENU_TASKS of them, and a way to the rest. */
function taskItems(tasks: TrayState['tasks'], actions: TrayMenuActions): MenuItemConstructorOptions[] {
  if (tasks.length === 0) return [{ id: 'no-tasks', label: 'No pinned tasks', enabled: false }];
  const items = tasks.slice(0, MAX_MENU_TASKS).map((task) => taskItem(task, actions));
  const more = tasks.length - MAX_MENU_TASKS;
  if (more > 0) items.push({ id: 'more-tasks', label: `${more} more…`, click: () => actions.focusTask(null) });
  return items;
}

/** "Pause notifications": for an hour, until the next morning, or resumed; what is paused says until when. */
function pauseMenu(
  pausedUntil: number | null,
  now: number,
  actions: TrayMenuActions,
  options: TrayMenuOptions,
  formatTime: (ms: number) => string,
): MenuItemConstructorOptions[] {
  const paused = pausedUntil !== null && pausedUntil > now;
  const morning = nextLocalMorning(now);
  const morningIsToday = new Date(morning).getDate() === new Date(now).getDate();
  const items: MenuItemConstructorOptions[] = [];
  if (paused) {
    items.push({ id: 'paused-until', label: `Paused until ${formatTime(pausedUntil)}`, enabled: false });
    items.push({ type: 'separator' });
  }
  items.push(
    // The end time is worked out at the click: a menu built at 07:55 and clicked at 08:05 pauses
    // until tomorrow's 08:00, and "1 hour" is an hour from the click.
    { id: 'pause-hour', label: 'For 1 hour', click: () => actions.pauseNotifications(options.now() + ONE_HOUR_MS) },
    {
      id: 'pause-tomorrow',
      label: morningIsToday ? `Until ${formatTime(morning)}` : `Until tomorrow, ${formatTime(morning)}`,
      click: () => actions.pauseNotifications(nextLocalMorning(options.now())),
    },
    { type: 'separator' },
    { id: 'pause-resume', label: 'Resume', enabled: paused, click: () => actions.pauseNotifications(null) },
  );
  return items;
}

export function buildTrayMenuTemplate(
  state: TrayState,
  actions: TrayMenuActions,
  options: TrayMenuOptions,
): MenuItemConstructorOptions[] {
  const now = options.now();
  const formatTime = options.formatTime ?? defaultFormatTime;
  const items: MenuItemConstructorOptions[] = [];

  // SNI hosts often show no tooltip: repeat the summary as the menu's first line.
  items.push({ id: 'summary', label: menuLabel(traySummary(state, formatTime).menuLine), enabled: false });
  if (!state.hasKey || state.kind === 'key-problem') {
    items.push({ id: 'set-key', label: 'Set API key…', click: () => actions.openSettings() });
  }
  items.push({ type: 'separator' });

  items.push(...taskItems(state.tasks, actions));
  items.push({ type: 'separator' });

  items.push({ id: 'pin-clipboard', label: 'Pin task from clipboard', click: () => actions.pinFromClipboard() });
  items.push({ id: 'refresh', label: 'Refresh now', enabled: state.hasKey, click: () => actions.refresh() });

  const paused = state.notificationsPausedUntil !== null && state.notificationsPausedUntil > now;
  items.push({ id: 'pause', label: paused ? 'Notifications paused' : 'Pause notifications', submenu: pauseMenu(state.notificationsPausedUntil, now, actions, options, formatTime) });
  items.push({ type: 'separator' });

  items.push({ id: 'open-chamelio', label: 'Open Chamelio', click: () => actions.openChamelio() });
  items.push({ id: 'settings', label: 'Settings…', click: () => actions.openSettings() });
  items.push({
    id: 'troubleshooting',
    label: 'Troubleshooting',
    submenu: [
      { id: 'open-log-folder', label: 'Open log folder', click: () => actions.openLogFolder() },
      { id: 'copy-diagnostics', label: 'Copy diagnostics', click: () => actions.copyDiagnostics() },
    ],
  });
  items.push({ type: 'separator' });
  if (options.updateReady?.() === true) {
    items.push({ id: 'restart-to-update', label: 'Restart to update', click: () => actions.restartToUpdate() });
  }
  items.push({ id: 'quit', label: 'Quit', click: () => actions.quit() });
  return items;
}

/**
 * What the user sees of a template: ids, types, labels and the enabled/checked/visible flags, with
 * submenus, but no click handlers. Equal signatures mean the menu on screen needs no update.
 */
export function menuSignature(template: readonly MenuItemConstructorOptions[]): string {
  const shape = (items: readonly MenuItemConstructorOptions[]): unknown[] =>
    items.map((item) => [
      item.id ?? null,
      item.type ?? 'normal',
      item.label ?? '',
      item.enabled ?? true,
      item.checked ?? false,
      item.visible ?? true,
      Array.isArray(item.submenu) ? shape(item.submenu) : null,
    ]);
  return JSON.stringify(shape(template));
}

/**
 * macOS: a set context menu would open on every click and swallow the popover's toggle, so the menu
 * pops up on right-click instead. Windows and Linux: set it (Linux may deliver no click at all).
 */
export function trayMenuStrategy(platform: NodeJS.Platform): 'set-context-menu' | 'popup-on-right-click' {
  return platform === 'darwin' ? 'popup-on-right-click' : 'set-context-menu';
}
