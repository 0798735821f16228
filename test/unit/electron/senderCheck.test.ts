import { describe, expect, it } from 'vitest';
import { isTrustedSender } from '../../../src-main/electron/senderCheck.ts';

const top = (url: string) => ({ url, isSubFrame: false });

describe('isTrustedSender', () => {
  it('trusts the top frame of app://tray, whatever the path', () => {
    expect(isTrustedSender(top('app://tray/index.html'))).toBe(true);
    expect(isTrustedSender(top('app://tray/'))).toBe(true);
    expect(isTrustedSender(top('app://tray/index.html#/task/1'))).toBe(true);
  });

  it('does not rely on URL.origin, which is "null" for app: and file: alike', () => {
    expect(new URL('app://tray/index.html').origin).toBe('null');
    expect(new URL('file:///index.html').origin).toBe('null');
    expect(isTrustedSender(top('file:///index.html'))).toBe(false);
    expect(isTrustedSender(top('data:text/html,hi'))).toBe(false);
  });

  it('refuses a missing frame, a sub-frame, other hosts and schemes', () => {
    expect(isTrustedSender(null)).toBe(false);
    expect(isTrustedSender(undefined)).toBe(false);
    expect(isTrustedSender({ url: 'app://tray/index.html', isSubFrame: true })).toBe(false);
    expect(isTrustedSender(top('app://tray.evil/index.html'))).toBe(false);
    expect(isTrustedSender(top('app://evil/index.html'))).toBe(false);
    expect(isTrustedSender(top('https://tray/index.html'))).toBe(false);
    expect(isTrustedSender(top('https://app.chamelio.ai/'))).toBe(false);
    expect(isTrustedSender(top('garbage'))).toBe(false);
  });

  it('trusts no dev server, whatever the environment says', () => {
    const before = process.env['ELECTRON_RENDERER_URL'];
    process.env['ELECTRON_RENDERER_URL'] = 'http://localhost:5173';
    try {
      expect(isTrustedSender(top('http://localhost:5173/'))).toBe(false);
      expect(isTrustedSender(top('http://127.0.0.1:5173/'))).toBe(false);
    } finally {
      if (before === undefined) delete process.env['ELECTRON_RENDERER_URL'];
      else process.env['ELECTRON_RENDERER_URL'] = before;
    }
  });
});
