const utf8 = (s: string) => new TextEncoder().encode(s);
const b64 = (s: string) => btoa(String.fromCharCode(...utf8(s)));

/** Every way a server has been seen (or could be expected) to echo the key; shared with test/attack. */
export const KEY_ECHOES: readonly [string, (key: string) => string][] = [
  ['as is', (k) => k],
  ['without ca_', (k) => k.slice(3)],
  ['base64', (k) => b64(k)],
  ['base64 inside a longer text', (k) => b64(`X-API-Key: ${k}; sent`)],
  ['base64 at offset 1', (k) => b64(`a${k}`)],
  ['base64 at offset 2', (k) => b64(`ab${k}`)],
  ['base64url', (k) => b64(`??${k}>>`).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '')],
  ['URL-encoded', (k) => encodeURIComponent(`key=${k}`).replace(/_/g, '%5F')],
  ['every byte percent-encoded', (k) => [...utf8(k)].map((b) => `%${b.toString(16)}`).join('')],
  ['twice URL-encoded', (k) => encodeURIComponent(encodeURIComponent(`${k}!`).replace(/_/g, '%5F'))],
  ['HTML decimal entities', (k) => [...k].map((c) => `&#${c.charCodeAt(0)};`).join('')],
  ['HTML hex entities', (k) => [...k].map((c) => `&#x${c.charCodeAt(0).toString(16)};`).join('')],
  ['HTML entities, mixed', (k) => [...k].map((c, i) => (i % 2 ? c : `&#${c.charCodeAt(0)};`)).join('')],
  ['JSON \\u escapes', (k) => [...k].map((c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`).join('')],
  ['hex', (k) => [...utf8(k)].map((b) => b.toString(16).padStart(2, '0')).join('')],
  ['upper-cased', (k) => k.toUpperCase()],
];

