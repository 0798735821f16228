/**
 * App-wide guards, for every webContents that will ever exist (checklist items 5, 11-14): the page
 * never navigates, never opens windows, never attaches a <webview>, and is granted no permission
 * beyond writing to the clipboard.
 * Allow-listed Chamelio links go to the OS browser instead.
 */
import type { App, Session, WebContents } from 'electron';
import { isAllowedExternalUrl } from './externalUrl.ts';
import { isPermissionGranted } from './permissionPolicy.ts';
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

/** Every permission request and check is refused, but for the one permissionPolicy.ts grants our page. */
export function restrictPermissions(session: Session): void {
  session.setPermissionRequestHandler((_contents, permission, callback, details) => {
    callback(isPermissionGranted({ permission, requestingUrl: details.requestingUrl, isMainFrame: details.isMainFrame }));
  });
  session.setPermissionCheckHandler((_contents, permission, requestingOrigin, details) =>
    isPermissionGranted({ permission, requestingUrl: details.requestingUrl ?? requestingOrigin, isMainFrame: details.isMainFrame }),
  );
  session.setDevicePermissionHandler(() => false);
}
