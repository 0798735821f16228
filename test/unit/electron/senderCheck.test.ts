import { describe, expect, it } from 'vitest';
import { isTrustedSender, senderPolicyFor } from '../../../src-main/electron/senderCheck.ts';

const packaged = { devServerUrl: null };
const dev = { devServerUrl: 'http://localhost:5173' };
const top = (url: string) => ({ url, isSubFrame: false });

describe('isTrustedSender', () => {
  it('trusts the top frame of app://tray, whatever the path', () => {
    expect(isTrustedSender(top('app://tray/index.html'), packaged)).toBe(true);
    expect(isTrustedSender(top('app://tray/'), packaged)).toBe(true);
    expect(isTrustedSender(top('app://tray/index.html#/task/1'), packaged)).toBe(true);
  });

  it('does not rely on URL.origin, which is "null" for app: and file: alike', () => {
    expect(new URL('app://tray/index.html').origin).toBe('null');
    expect(new URL('file:///index.html').origin).toBe('null');
    expect(isTrustedSender(top('file:///index.html'), packaged)).toBe(false);
    expect(isTrustedSender(top('data:text/html,hi'), packaged)).toBe(false);
  });

  it('refuses a missing frame, a sub-frame, other hosts and schemes', () => {
    expect(isTrustedSender(null, packaged)).toBe(false);
    expect(isTrustedSender(undefined, packaged)).toBe(false);
    expect(isTrustedSender({ url: 'app://tray/index.html', isSubFrame: true }, packaged)).toBe(false);
    expect(isTrustedSender(top('app://tray.evil/index.html'), packaged)).toBe(false);
    expect(isTrustedSender(top('app://evil/index.html'), packaged)).toBe(false);
    expect(isTrustedSender(top('https://tray/index.html'), packaged)).toBe(false);
    expect(isTrustedSender(top('https://app.chamelio.ai/'), packaged)).toBe(false);
    expect(isTrustedSender(top('garbage'), packaged)).toBe(false);
  });

  it('trusts the dev server only by exact scheme, host and port, and only when configured', () => {
    expect(isTrustedSender(top('http://localhost:5173/'), dev)).toBe(true);
    expect(isTrustedSender(top('http://localhost:5174/'), dev)).toBe(false);
    expect(isTrustedSender(top('https://localhost:5173/'), dev)).toBe(false);
    expect(isTrustedSender(top('http://localhost:5173/'), packaged)).toBe(false);
    expect(isTrustedSender(top('file:///x'), { devServerUrl: 'file:///x' })).toBe(false);
  });
});

describe('senderPolicyFor', () => {
  it('ignores ELECTRON_RENDERER_URL in a packaged app', () => {
    const env = { ELECTRON_RENDERER_URL: 'http://localhost:5173' };
    expect(senderPolicyFor(true, env)).toEqual({ devServerUrl: null });
    expect(senderPolicyFor(false, env)).toEqual({ devServerUrl: 'http://localhost:5173' });
    expect(senderPolicyFor(false, {})).toEqual({ devServerUrl: null });
  });
});
