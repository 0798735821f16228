/**
 * Who may call the bridge: only the top-level frame of our own page, `app://tray/…`, plus the Vite dev
 * server's exact origin while the app is not packaged. Compared by protocol and host, never by
 * `URL.origin`, which is the string "null" for `app:` (and for `file:` and `data:` pages too).
 */
import { APP_HOST, APP_SCHEME } from './appProtocol.ts';

export interface SenderFrameInfo {
  url: string;
  /** True for a frame inside the page (an iframe): none of ours are. */
  isSubFrame: boolean;
}

export interface SenderPolicy {
  /** `ELECTRON_RENDERER_URL` while developing; null in a packaged app. */
  devServerUrl: string | null;
}

export function isTrustedSender(frame: SenderFrameInfo | null | undefined, policy: SenderPolicy): boolean {
  if (!frame || frame.isSubFrame) return false;
  let url: URL;
  try {
    url = new URL(frame.url);
  } catch {
    return false;
  }
  if (url.protocol === `${APP_SCHEME}:` && url.host === APP_HOST) return true;
  if (policy.devServerUrl === null) return false;
  let dev: URL;
  try {
    dev = new URL(policy.devServerUrl);
  } catch {
    return false;
  }
  const isHttp = dev.protocol === 'http:' || dev.protocol === 'https:';
  return isHttp && url.protocol === dev.protocol && url.host === dev.host;
}

/** The dev server URL is trusted only when the app is not packaged. */
export function senderPolicyFor(isPackaged: boolean, env: Record<string, string | undefined>): SenderPolicy {
  return { devServerUrl: isPackaged ? null : (env['ELECTRON_RENDERER_URL'] ?? null) };
}
