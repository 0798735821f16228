/**
 * The renderer is served from `app://tray/` instead of `file://`: a custom protocol gets real response
 * headers (so the CSP is a header, not a meta tag) and lets the grantFileProtocolExtraPrivileges fuse
 * stay off. Pure: the file read is injected, so the traversal guard and headers are unit tested.
 */
import path from 'node:path';
import { contentSecurityPolicy } from '../core/base/contentSecurityPolicy.ts';
import { contentTypeOf } from '../core/base/contentTypes.ts';

export const APP_SCHEME = 'app';
export const APP_HOST = 'tray';
export const APP_INDEX_URL = `${APP_SCHEME}://${APP_HOST}/index.html`;

/** All network calls happen in main, so the page may load nothing but its own files. */
export const CONTENT_SECURITY_POLICY = contentSecurityPolicy("'none'");

type AppRequestTarget =
  | { kind: 'file'; file: string }
  | { kind: 'not-found' }
  | { kind: 'forbidden' };

type PathApi = Pick<typeof path, 'resolve' | 'relative' | 'isAbsolute' | 'sep'>;

/**
 * Maps `app://tray/<path>` to a file under `root`. Anything that would leave `root` (`..`, encoded
 * slashes or backslashes, NUL bytes, another drive) is forbidden; another host is not found.
 * `pathApi` lets the tests check Windows path rules on any machine.
 */
export function resolveAppRequest(requestUrl: string, root: string, pathApi: PathApi = path): AppRequestTarget {
  let url: URL;
  try {
    url = new URL(requestUrl);
  } catch {
    return { kind: 'not-found' };
  }
  if (url.protocol !== `${APP_SCHEME}:` || url.host !== APP_HOST) return { kind: 'not-found' };
  let decoded: string;
  try {
    decoded = decodeURIComponent(url.pathname);
  } catch {
    return { kind: 'forbidden' };
  }
  if (decoded.includes('\0')) return { kind: 'forbidden' };
  const relativePath = decoded === '/' || decoded === '' ? 'index.html' : decoded.replace(/^\/+/, '');
  const base = pathApi.resolve(root);
  const file = pathApi.resolve(base, relativePath);
  const rel = pathApi.relative(base, file);
  const escapes = rel === '..' || rel.startsWith(`..${pathApi.sep}`);
  if (rel === '' || escapes || pathApi.isAbsolute(rel)) return { kind: 'forbidden' };
  return { kind: 'file', file };
}

function securityHeaders(contentType: string): Record<string, string> {
  return {
    'content-type': contentType,
    'content-security-policy': CONTENT_SECURITY_POLICY,
    'x-content-type-options': 'nosniff',
    'cache-control': 'no-cache',
  };
}

/** Answers one `app://` request; `readFile` rejects when the file is missing. */
export async function serveAppRequest(
  requestUrl: string,
  root: string,
  readFile: (file: string) => Promise<Uint8Array>,
): Promise<Response> {
  const target = resolveAppRequest(requestUrl, root);
  const textHeaders = securityHeaders('text/plain; charset=utf-8');
  if (target.kind === 'forbidden') return new Response('forbidden', { status: 403, headers: textHeaders });
  if (target.kind === 'not-found') return new Response('not found', { status: 404, headers: textHeaders });
  let body: Uint8Array;
  try {
    body = await readFile(target.file);
  } catch {
    return new Response('not found', { status: 404, headers: textHeaders });
  }
  return new Response(body as Uint8Array<ArrayBuffer>, { status: 200, headers: securityHeaders(contentTypeOf(target.file) ?? 'application/octet-stream') });
}
