/**
 * App-wide guards, for every webContents that will ever exist (checklist items 5, 11-14): the page
 * never navigates, never opens windows, never attaches a <webview>, and is granted no permission.
 * Allow-listed Chamelio links go to the OS browser instead.
 */
import type { App, Session, WebContents } from 'electron';
import { isAllowedExternalUrl } from './externalUrl.ts';
import type { Logger } from '../core/app/ports.ts';

export function guardWebContents(contents: WebContents, openExternal: (url: string) => void, logger: Logger): void {
  contents.on('will-navigate', (event, url) => {
    event.preventDefault();
    if (isAllowedExternalUrl(url)) openExternal(url);
    else logger.warn('blocked a navigation');
  });
  contents.on('will-attach-webview', (event) => {
    event.preventDefault();
    logger.warn('blocked a <webview>');
  });
  contents.setWindowOpenHandler(({ url }) => {
    if (isAllowedExternalUrl(url)) setImmediate(() => openExternal(url));
    else logger.warn('blocked a new window');
    return { action: 'deny' };
  });
}

export function installWebContentsGuards(app: App, openExternal: (url: string) => void, logger: Logger): void {
  app.on('web-contents-created', (_event, contents) => guardWebContents(contents, openExternal, logger));
}

/** Notifications come from main, the clipboard is read by main: the page needs no permission at all. */
export function denyAllPermissions(session: Session): void {
  session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
  session.setDevicePermissionHandler(() => false);
}
