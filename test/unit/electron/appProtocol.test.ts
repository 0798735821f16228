import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  CONTENT_SECURITY_POLICY,
  resolveAppRequest,
  serveAppRequest,
} from '../../../src-main/electron/appProtocol.ts';

const root = '/opt/app/out/renderer';

describe('resolveAppRequest', () => {
  it('maps app://tray paths to files under the renderer folder', () => {
    expect(resolveAppRequest('app://tray/index.html', root)).toEqual({ kind: 'file', file: `${root}/index.html` });
    expect(resolveAppRequest('app://tray/', root)).toEqual({ kind: 'file', file: `${root}/index.html` });
    expect(resolveAppRequest('app://tray/assets/index-abc.js?v=1#x', root)).toEqual({ kind: 'file', file: `${root}/assets/index-abc.js` });
    expect(resolveAppRequest('app://tray/assets/a%20b.css', root)).toEqual({ kind: 'file', file: `${root}/assets/a b.css` });
  });

  it('refuses every way out of the folder', () => {
    for (const url of [
      'app://tray/..%2f..%2fetc/passwd',
      'app://tray/assets/..%2F..%2F..%2Fsecret',
      'app://tray/%2e%2e%2f%2e%2e%2fetc%2fpasswd',
      'app://tray/index.html%00.png',
      'app://tray/%E0%A4%A',
    ]) {
      expect(resolveAppRequest(url, root).kind, url).toBe('forbidden');
    }
  });

  it('lets the URL parser fold plain dot segments, which then stay inside the folder', () => {
    expect(resolveAppRequest('app://tray/../../etc/passwd', root)).toEqual({ kind: 'file', file: `${root}/etc/passwd` });
  });

  it('uses Windows rules on Windows: backslashes and drive letters cannot escape either', () => {
    const winRoot = 'C:\\Program Files\\Chamelio Tray\\resources\\app.asar\\out\\renderer';
    expect(resolveAppRequest('app://tray/..%5c..%5csecret.txt', winRoot, path.win32).kind).toBe('forbidden');
    expect(resolveAppRequest('app://tray/C:%5cWindows%5cwin.ini', winRoot, path.win32).kind).toBe('forbidden');
    expect(resolveAppRequest('app://tray/assets/app.js', winRoot, path.win32)).toEqual({
      kind: 'file',
      file: `${winRoot}\\assets\\app.js`,
    });
  });

  it('answers not found for other hosts, other schemes and garbage', () => {
    expect(resolveAppRequest('app://evil/index.html', root).kind).toBe('not-found');
    expect(resolveAppRequest('https://tray/index.html', root).kind).toBe('not-found');
    expect(resolveAppRequest('not a url', root).kind).toBe('not-found');
  });
});

describe('serveAppRequest', () => {
  const files: Record<string, string> = { [`${root}/index.html`]: '<!doctype html>', [`${root}/assets/app.js`]: 'x()' };
  const readFile = async (file: string): Promise<Uint8Array> => {
    const text = files[file];
    if (text === undefined) throw Object.assign(new Error('ENOENT'), { code: 'ENOENT' });
    return new TextEncoder().encode(text);
  };

  it('serves files with their type, the strict CSP and nosniff', async () => {
    const res = await serveAppRequest('app://tray/assets/app.js', root, readFile);
    expect(res.status).toBe(200);
    expect(await res.text()).toBe('x()');
    expect(res.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(res.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
  });

  it('answers 403 for a traversal and 404 for a missing file or another host, with the CSP too', async () => {
    const traversal = await serveAppRequest('app://tray/..%2f..%2fetc/passwd', root, readFile);
    const missing = await serveAppRequest('app://tray/nope.js', root, readFile);
    const other = await serveAppRequest('app://else/index.html', root, readFile);
    expect([traversal.status, missing.status, other.status]).toEqual([403, 404, 404]);
    for (const res of [traversal, missing, other]) expect(res.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
  });
});

describe('the content security policy', () => {
  it('allows only our own scripts and styles and no network at all', () => {
    const directives = Object.fromEntries(CONTENT_SECURITY_POLICY.split('; ').map((d) => [d.split(' ')[0], d.split(' ').slice(1).join(' ')]));
    expect(directives).toEqual({
      'default-src': "'none'",
      'script-src': "'self'",
      'style-src': "'self'",
      'img-src': "'self' data:",
      'font-src': "'self'",
      'connect-src': "'none'",
      'base-uri': "'none'",
      'form-action': "'none'",
      'frame-ancestors': "'none'",
      'object-src': "'none'",
    });
    expect(CONTENT_SECURITY_POLICY).not.toContain('unsafe');
  });
});
