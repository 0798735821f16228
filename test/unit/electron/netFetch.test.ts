import { describe, expect, it, vi } from 'vitest';
import type { Fetch } from '../../../src-main/core/app/ports.ts';
import { ChamelioClient } from '../../../src-main/core/chamelio/ChamelioClient.ts';
import { electronFetch, REDIRECT_CANCELLED_MESSAGE, withManualRedirectAsResponse, type NetFetch } from '../../../src-main/electron/netFetch.ts';

const init = (redirect?: 'manual') => ({
  method: 'GET',
  headers: { 'X-API-Key': 'ca_testkey12345678' },
  signal: new AbortController().signal,
  ...(redirect ? { redirect } : {}),
});

/** What Electron's net.fetch does with redirect: 'manual' when the server answers 3xx. */
const cancelledRedirect: Fetch = async () => {
  throw new Error(REDIRECT_CANCELLED_MESSAGE);
};

describe('withManualRedirectAsResponse', () => {
  it('turns net.fetch’s "Redirect was cancelled" into a bodiless 302', async () => {
    const response = await withManualRedirectAsResponse(cancelledRedirect)('https://platform.chamelio.ai/users/org-info', init('manual'));
    expect(response.status).toBe(302);
    expect(await response.text()).toBe('');
  });

  it('passes the request through unchanged and returns the answer as is', async () => {
    const answer = new Response('{}', { status: 200 });
    const inner = vi.fn<Fetch>(async () => answer);
    const request = init('manual');
    await expect(withManualRedirectAsResponse(inner)('https://x.example/a', request)).resolves.toBe(answer);
    expect(inner).toHaveBeenCalledWith('https://x.example/a', request);
  });

  it('leaves every other failure a failure', async () => {
    for (const error of [
      new TypeError('net::ERR_INTERNET_DISCONNECTED'),
      new Error('net::ERR_NAME_NOT_RESOLVED'),
      new Error('redirect was cancelled!'),
      new DOMException('The operation was aborted.', 'AbortError'),
      REDIRECT_CANCELLED_MESSAGE, // not an Error
    ]) {
      const failing: Fetch = async () => {
        throw error;
      };
      await expect(withManualRedirectAsResponse(failing)('https://x.example/', init('manual')), String(error)).rejects.toBe(error);
    }
  });

  it('only for manual redirects: without it the message means something else', async () => {
    await expect(withManualRedirectAsResponse(cancelledRedirect)('https://x.example/', init())).rejects.toThrow(REDIRECT_CANCELLED_MESSAGE);
  });

  it('makes the client report a redirect as a server problem, not as offline', async () => {
    const client = (fetch: Fetch) =>
      new ChamelioClient({ fetch, baseUrl: 'https://platform.chamelio.ai', getApiKey: () => 'ca_testkey12345678', now: () => 0 });
    const without = await client(cancelledRedirect).getOrgInfo();
    expect(without).toMatchObject({ ok: false, error: { kind: 'network' } });
    const wrapped = await client(withManualRedirectAsResponse(cancelledRedirect)).getOrgInfo();
    expect(wrapped).toMatchObject({ ok: false, error: { kind: 'server', status: 302 } });
  });
});

describe('electronFetch', () => {
  it('asks net.fetch for no HTTP cache and no cookies, keeping the client’s headers, signal and redirect mode', async () => {
    const inner = vi.fn<NetFetch>(async () => new Response('{}', { status: 200 }));
    const request = init('manual');
    await electronFetch(inner)('https://x.example/a', request);
    expect(inner).toHaveBeenCalledWith('https://x.example/a', { ...request, cache: 'no-store', credentials: 'omit' });
  });

  it('still turns the cancelled redirect into a 302', async () => {
    const inner: NetFetch = async () => {
      throw new Error(REDIRECT_CANCELLED_MESSAGE);
    };
    expect((await electronFetch(inner)('https://x.example/a', init('manual'))).status).toBe(302);
  });
});
