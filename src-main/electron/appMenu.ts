/**
 * The application menu. With LSUIElement the app has no Dock icon and no visible menu bar, but macOS
 * still routes Cmd+C / Cmd+V / Cmd+A through the Edit menu's roles: without it, pasting a task URL
 * into the popover does nothing. The same Edit menu elsewhere keeps the shortcuts identical and drops
 * Electron's default menu (with Reload and DevTools) from release builds.
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
  if (platform !== 'darwin') return [edit];
  return [
    {
      label: 'Chamelio Tray',
      submenu: [{ role: 'about' }, { type: 'separator' }, { role: 'hide' }, { role: 'hideOthers' }, { type: 'separator' }, { role: 'quit' }],
    },
    edit,
  ];
}
