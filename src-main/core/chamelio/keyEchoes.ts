/**
 * The API key as a server could echo it back in an error: base64 (at any byte alignment, so also
 * inside a longer encoded text), base64url, percent-encoded (either case, once or twice), HTML
 * character references, JSON `\u` escapes, hex, or without its `ca_` prefix. redactKey (apiKey.ts)
 * takes out every one of these forms; `revealsKey` is the last check, on the decoded text, for a
 * form no list foresaw.
 */

/** Said instead of a server's text that still shows the key once decoded. */
export const KEY_ECHO_NOTICE = "(the server's message quoted the API key, so it is not shown)";

/** Shorter key bodies than this are not searched for alone: too likely to match ordinary text. */
const MIN_BODY_CHARS = 8;

const utf8 = new TextEncoder();

/** Every literal form in which `key` could stand in a text, longest first. */
export function keyEchoes(key: string): string[] {
  const body = key.startsWith('ca_') ? key.slice(3) : key;
  const plain = body.length >= MIN_BODY_CHARS ? [key, body] : [key];
  const forms = new Set<string>();
  for (const text of plain) {
    forms.add(text);
    for (const encoded of base64Cores(text)) {
      forms.add(encoded);
      forms.add(encoded.replace(/\+/g, '-').replace(/\//g, '_'));
    }
    const percent = percentEncode(text);
    forms.add(percent);
    forms.add(percent.toLowerCase());
    forms.add(percentEncode(percent));
    forms.add(hex(text));
    forms.add(hex(text).toUpperCase());
    forms.add(charRefs(text, (c) => `&#${c};`));
    forms.add(charRefs(text, (c) => `&#x${c.toString(16)};`));
    forms.add(charRefs(text, (c) => `\\u${c.toString(16).padStart(4, '0')}`));
  }
  return [...forms].filter((form) => form.length >= MIN_BODY_CHARS || form === key).sort((a, b) => b.length - a.length);
}

/**
 * The base64 characters that depend only on the key's bytes, for each of the three alignments the
 * key can have inside a longer encoded text (and the whole encoding, padding included, at 0).
 */
function base64Cores(text: string): string[] {
  const bytes = utf8.encode(text);
  const cores: string[] = [];
  for (let offset = 0; offset < 3; offset++) {
    const padded = new Uint8Array(offset + bytes.length);
    padded.set(bytes, offset);
    const encoded = toBase64(padded);
    if (offset === 0) cores.push(encoded, encoded.replace(/=+$/, ''));
    cores.push(encoded.slice(Math.ceil((8 * offset) / 6), Math.floor((8 * (offset + bytes.length)) / 6)));
  }
  return cores;
}

function toBase64(bytes: Uint8Array): string {
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary);
}

/** Every byte percent-encoded, the strictest form (`%63%61%5F…`). */
function percentEncode(text: string): string {
  return [...utf8.encode(text)].map((b) => `%${b.toString(16).toUpperCase().padStart(2, '0')}`).join('');
}

function hex(text: string): string {
  return [...utf8.encode(text)].map((b) => b.toString(16).padStart(2, '0')).join('');
}

function charRefs(text: string, form: (code: number) => string): string {
  return [...text].map((c) => form(c.codePointAt(0)!)).join('');
}

/**
 * True when some decoding of `text` (percent, HTML references, JSON escapes, base64 or hex runs,
 * case folded) still shows the key or its body: the text is then not shown at all.
 */
export function revealsKey(text: string, key: string): boolean {
  const body = key.startsWith('ca_') ? key.slice(3) : key;
  const needle = (body.length >= MIN_BODY_CHARS ? body : key).toLowerCase();
  return decodings(text).some((decoded) => decoded.toLowerCase().includes(needle));
}

function decodings(text: string): string[] {
  const once = [text, percentDecode(text), unescapeRefs(text), percentDecode(percentDecode(text))];
  const out = [...once];
  for (const t of once) out.push(...decodedRuns(t));
  return out;
}

function percentDecode(text: string): string {
  try {
    return decodeURIComponent(text.replace(/\+/g, ' '));
  } catch {
    return text.replace(/%([0-9A-Fa-f]{2})/g, (_, h: string) => String.fromCharCode(parseInt(h, 16)));
  }
}

function unescapeRefs(text: string): string {
  return text
    .replace(/&#x([0-9A-Fa-f]{1,6});?/g, (_, h: string) => safeChar(parseInt(h, 16)))
    .replace(/&#(\d{1,7});?/g, (_, d: string) => safeChar(Number(d)))
    .replace(/\\u([0-9A-Fa-f]{4})/g, (_, h: string) => safeChar(parseInt(h, 16)))
    .replace(/&lowbar;/gi, '_')
    .replace(/&amp;/gi, '&');
}

function safeChar(code: number): string {
  return code <= 0x10ffff ? String.fromCodePoint(code) : '';
}

/** Base64, base64url and hex runs long enough to hide a key, decoded at every alignment. */
function decodedRuns(text: string): string[] {
  const out: string[] = [];
  for (const run of text.match(/[A-Za-z0-9+/_-]{12,}/g) ?? []) {
    const std = run.replace(/-/g, '+').replace(/_/g, '/');
    for (let skip = 0; skip < 4; skip++) out.push(fromBase64(std.slice(skip)));
    if (/^[0-9A-Fa-f]+$/.test(run)) for (let skip = 0; skip < 2; skip++) out.push(fromHex(run.slice(skip)));
  }
  return out;
}

function fromBase64(run: string): string {
  const usable = run.slice(0, run.length - (run.length % 4));
  try {
    return atob(usable);
  } catch {
    return '';
  }
}

function fromHex(run: string): string {
  let out = '';
  for (let i = 0; i + 1 < run.length; i += 2) out += String.fromCharCode(parseInt(run.slice(i, i + 2), 16));
  return out;
}
