/**
 * App-wide guards, for every webContents that will ever exist (checklist items 5, 11-14): the page
 * never navigates, never opens windows, never attaches a <webview>, and is granted no permission
 * beyond writing to the clipboard.
 * The URL goes to `openExternal` instead (electronAdapters.openInBrowser), which opens allow-listed
 * Chamelio links in the OS browser and refuses and logs anything else: the allow-list is checked
 * there and only there.
 */
import type { App, Session, WebContents } from 'electron';
import { isPermissionGranted } from './permissionPolicy.ts';
import type { Logger } from '../core/app/ports.ts';

function guardWebContents(contents: WebContents, openExternal: (url: string) => void, logger: Logger): void {
  // The URL from the event itself: Electron 45 deprecates the positional `url` argument.
  contents.on('will-navigate', (event) => {
    event.preventDefault();
    openExternal(event.url);
  });
  contents.on('will-attach-webview', (event) => {
    event.preventDefault();
    logger.warn('blocked a <webview>');
  });
  contents.setWindowOpenHandler(({ url }) => {
    setImmediate(() => openExternal(url));
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
