/**
 * The engine's Fetch port on Electron's `net.fetch` (Chromium's network stack: system and PAC
 * proxies, proxy auth, the OS certificate store).
 *
 * One difference from WHATWG fetch has to be smoothed over. The Chamelio client asks for
 * `redirect: 'manual'` so that the X-API-Key header never follows a redirect, and expects a 3xx (or
 * an opaque redirect) back. `net.fetch` instead rejects with `Error('Redirect was cancelled')`
 * (ClientRequest in lib/browser/api/net-client-request.ts dies with it when nobody calls
 * followRedirect), which the client would report as "offline". Exactly that rejection becomes a
 * bodiless 302 here, which the client reports as a server problem ("check the API address").
 */
import type { Fetch } from '../core/app/ports.ts';

/** The message Electron's ClientRequest dies with when a 'manual' redirect is not followed. */
export const REDIRECT_CANCELLED_MESSAGE = 'Redirect was cancelled';

export function isCancelledRedirect(error: unknown): boolean {
  return error instanceof Error && error.message === REDIRECT_CANCELLED_MESSAGE;
}

export function withManualRedirectAsResponse(fetch: Fetch): Fetch {
  return async (url, init) => {
    try {
      return await fetch(url, init);
    } catch (error) {
      // Anything else (DNS, TLS, offline, abort) is a real network failure and stays one.
      if (init.redirect === 'manual' && isCancelledRedirect(error)) return new Response(null, { status: 302 });
      throw error;
    }
  };
}
