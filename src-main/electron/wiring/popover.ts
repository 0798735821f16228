/** The popover window, loaded from our own scheme only, placed for this platform and session. */
import path from 'node:path';
import { app } from 'electron';
import type { Rectangle } from 'electron';
import type { Logger } from '../../core/app/ports.ts';
import { APP_INDEX_URL } from '../appProtocol.ts';
import { popoverPlacement } from '../popoverPosition.ts';
import { PopoverWindow } from '../popoverWindow.ts';

export function createPopover(deps: {
  /** The folder of the main bundle (out/main). */
  bundleDir: string;
  platform: NodeJS.Platform;
  keepOpen: () => boolean;
  trayBounds: () => Rectangle | null;
  logger: Logger;
}): PopoverWindow {
  const { platform } = deps;
  return new PopoverWindow({
    preloadPath: path.join(deps.bundleDir, '../preload/index.cjs'),
    // Always our own scheme, packaged or not: no dev-server origin to load or to trust.
    url: APP_INDEX_URL,
    isPackaged: app.isPackaged,
    platform,
    placement: popoverPlacement({ platform, env: process.env, switchValue: (name) => app.commandLine.getSwitchValue(name) }),
    now: () => Date.now(),
    keepOpen: deps.keepOpen,
    trayBounds: deps.trayBounds,
    logger: deps.logger,
  });
}
