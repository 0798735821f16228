/**
 * Which web permissions the page gets: none, except writing a task link to the clipboard ("Copy
 * link" uses navigator.clipboard.writeText, which asks for `clipboard-sanitized-write`), and only for
 * our own page's top frame. Notifications come from main, the clipboard is read by main, and nothing
 * else (camera, location, HID, ...) has any use here.
 */
import { isTrustedSender } from './senderCheck.ts';

const GRANTED_PERMISSIONS: ReadonlySet<string> = new Set(['clipboard-sanitized-write']);

export function isPermissionGranted(input: {
  permission: string;
  /** details.requestingUrl (or the requesting origin for checks). */
  requestingUrl: string | undefined;
  isMainFrame: boolean;
}): boolean {
  if (!GRANTED_PERMISSIONS.has(input.permission)) return false;
  if (input.requestingUrl === undefined || input.requestingUrl === '') return false;
  return isTrustedSender({ url: input.requestingUrl, isSubFrame: !input.isMainFrame });
}
