/**
 * The application menu. With LSUIElement the app has no Dock icon and no visible menu bar, but macOS
 * still routes Cmd+C / Cmd+V / Cmd+A through the Edit menu's roles: without it, pasting a task URL
 * into the popover does nothing. The same Edit menu elsewhere keeps the shortcuts identical and drops
 * Electron's default menu (with Reload and DevTools) from release builds.
 *
 * The Window menu's `close` role gives Cmd+W (Ctrl+W) to the popover: it closes the window, which
 * only hides it (popoverWindow.ts), as every popover does. Cmd+Q stays the app menu's `quit` role:
 * quitting a tray app from the keyboard is what macOS users expect, and it is deliberate (the
 * engine still flushes its last write first).
 */
import type { MenuItemConstructorOptions } from 'electron';

export function applicationMenuTemplate(platform: NodeJS.Platform): MenuItemConstructorOptions[] {
  const edit: MenuItemConstructorOptions = {
    label: 'Edit',
    submenu: [
      { role: 'undo' },
      { role: 'redo' },
      { type: 'separator' },
      { role: 'cut' },
      { role: 'copy' },
      { role: 'paste' },
      ...(platform === 'darwin' ? [{ role: 'pasteAndMatchStyle' } as const] : []),
      { role: 'delete' },
      { type: 'separator' },
      { role: 'selectAll' },
    ],
  };
  const window: MenuItemConstructorOptions = { label: 'Window', submenu: [{ role: 'close' }] };
  if (platform !== 'darwin') return [edit, window];
  return [
    {
      label: 'Chamelio Tray',
      submenu: [{ role: 'about' }, { type: 'separator' }, { role: 'hide' }, { role: 'hideOthers' }, { type: 'separator' }, { role: 'quit' }],
    },
    edit,
    window,
  ];
}
