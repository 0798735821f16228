/** The bridge's Electron transport: every contract command, for the popover's page only. */
import { clipboard, ipcMain } from 'electron';
import type { AppService } from '../../core/app/AppService.ts';
import type { Logger } from '../../core/app/ports.ts';
import { createCommandHandlers } from '../commandHandlers.ts';
import type { DemoRunner } from '../demo.ts';
import { openInBrowser } from '../electronAdapters.ts';
import { isDocumentUrl } from '../externalUrl.ts';
import { registerCommandHandlers } from '../ipc.ts';
import type { PopoverWindow } from '../popoverWindow.ts';
import type { ShortcutBinding } from '../shortcut.ts';

export function registerIpc(deps: {
  engine: AppService;
  popover: PopoverWindow;
  demo: DemoRunner;
  shortcut: ShortcutBinding;
  logger: Logger;
}): void {
  const { engine, popover, demo, logger } = deps;
  registerCommandHandlers({
    ipc: ipcMain,
    handlers: createCommandHandlers(engine, {
      openInBrowser: (url) => openInBrowser(url, logger),
      openDocumentInBrowser: (url) => openInBrowser(url, logger, isDocumentUrl),
      readClipboardText: () => clipboard.readText(),
      startDemo: () => demo.start(engine),
      hideWindow: () => popover.hide(),
      shortcut: deps.shortcut,
    }),
    logger,
    isOwnSender: (sender) => popover.isOwnSender(sender),
  });
}
