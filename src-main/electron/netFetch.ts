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
 *
 * And two defaults are wrong for an API poll. electron.d.ts, net.fetch: "This method will issue
 * requests from the default session", i.e. through its HTTP cache (`cache: 'default'`) and its
 * cookie jar. A poll must see the server's answer of now, and an API key needs no cookies: every
 * request here says `cache: 'no-store'` and `credentials: 'omit'`.
 */
import type { Fetch } from '../core/app/ports.ts';

/** The message Electron's ClientRequest dies with when a 'manual' redirect is not followed. */
export const REDIRECT_CANCELLED_MESSAGE = 'Redirect was cancelled';

function isCancelledRedirect(error: unknown): boolean {
  return error instanceof Error && error.message === REDIRECT_CANCELLED_MESSAGE;
}

/** net.fetch's shape: WHATWG fetch's. */
export type NetFetch = (url: string, init: RequestInit) => Promise<Response>;

/** The engine's Fetch on net.fetch: never cached, never with cookies, a refused redirect as a 302. */
export function electronFetch(netFetch: NetFetch): Fetch {
  return withManualRedirectAsResponse((url, init) => netFetch(url, { ...init, cache: 'no-store', credentials: 'omit' }));
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
