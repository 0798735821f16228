/**
 * Who may call the bridge: only the top-level frame of our own page, `app://tray/…`. Nothing else,
 * in development either: there is no dev-server origin to trust (the fast UI loop is the browser
 * preview, `npm run preview`, which needs no Electron). Compared by protocol and host, never by
 * `URL.origin`, which is the string "null" for `app:` (and for `file:` and `data:` pages too).
 */
import { APP_HOST, APP_SCHEME } from './appProtocol.ts';

interface SenderFrameInfo {
  url: string;
  /** True for a frame inside the page (an iframe): none of ours are. */
  isSubFrame: boolean;
}

export function isTrustedSender(frame: SenderFrameInfo | null | undefined): boolean {
  if (!frame || frame.isSubFrame) return false;
  let url: URL;
  try {
    url = new URL(frame.url);
  } catch {
    return false;
  }
  return url.protocol === `${APP_SCHEME}:` && url.host === APP_HOST;
}
