/**
 * The API base URL the user may set. Every request carries the API key, so the address must be
 * https; plain http is allowed only to this machine (the simulated API during development).
 */
type ParsedApiBaseUrl = { ok: true; url: string } | { ok: false; message: string };

const LOOPBACK_HOSTS: ReadonlySet<string> = new Set(['127.0.0.1', 'localhost', '[::1]']);

/** This machine: where the simulator runs, the one place plain http is allowed. */
export function isLoopbackUrl(url: string): boolean {
  return URL.canParse(url) && LOOPBACK_HOSTS.has(new URL(url).hostname);
}
const MAX_LENGTH = 2048;

export function parseApiBaseUrl(text: string): ParsedApiBaseUrl {
  const trimmed = text.trim();
  if (trimmed === '') return fail('Enter the API address, for example https://platform.chamelio.ai.');
  if (trimmed.length > MAX_LENGTH) return fail('The API address is too long.');
  // The URL parser silently drops tabs and newlines and reads "\" as "/"; refuse instead of guessing.
  if (hasControlOrSpace(trimmed) || trimmed.includes('\\')) {
    return fail('The API address contains spaces, control characters or backslashes.');
  }
  if (!/^[a-z][a-z0-9+.-]*:\/\//i.test(trimmed)) {
    return fail('The API address must start with https://, for example https://platform.chamelio.ai.');
  }
  let url: URL;
  try {
    url = new URL(trimmed);
  } catch {
    return fail('The API address is not a valid URL.');
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    return fail(`The API address must use https, not ${url.protocol.slice(0, -1)}.`);
  }
  if (url.protocol === 'http:' && !LOOPBACK_HOSTS.has(url.hostname)) {
    return fail('The API address must use https (http is allowed only for 127.0.0.1, localhost and [::1]).');
  }
  if (url.hostname === '') return fail('The API address has no host name.');
  const authority = trimmed.slice(trimmed.indexOf('//') + 2).split(/[/?#]/)[0] ?? '';
  if (url.username !== '' || url.password !== '' || authority.includes('@')) {
    return fail('The API address must not contain a user name or password.');
  }
  // `new URL('https://h/?').search` is '' although a query was typed, so look at the text too.
  if (url.search !== '' || trimmed.includes('?')) return fail('The API address must not contain a query (?…).');
  if (url.hash !== '' || trimmed.includes('#')) return fail('The API address must not contain a fragment (#…).');
  const path = url.pathname.replace(/\/+$/, '');
  return { ok: true, url: `${url.origin}${path}` };
}

function hasControlOrSpace(text: string): boolean {
  for (const char of text) {
    const code = char.codePointAt(0)!;
    if (code <= 0x20 || (code >= 0x7f && code <= 0x9f)) return true;
  }
  return false;
}

function fail(message: string): ParsedApiBaseUrl {
  return { ok: false, message };
}
