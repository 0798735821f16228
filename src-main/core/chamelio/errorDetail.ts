/**
 * Turning what a failing server or network said into short, safe text for an ApiError: the API's
 * `detail` when there is one, never an HTML page verbatim, no control or bidi characters, capped.
 */
import { truncate } from '../base/truncate.ts';

const DETAIL_MAX_CHARS = 200;

/** The API's `detail`, or a short, safe description of whatever else came back. Never a page verbatim. */
export function errorDetail(text: string, contentType: string): string {
  const trimmed = text.trim();
  if (trimmed === '') return '';
  if (/json/i.test(contentType) || trimmed.startsWith('{')) {
    try {
      const json: unknown = JSON.parse(trimmed);
      if (typeof json === 'object' && json !== null && Object.hasOwn(json, 'detail')) {
        const detail: unknown = (json as { detail: unknown }).detail;
        if (typeof detail === 'string') return cleanText(detail);
        // FastAPI validation errors: detail is a list of { msg }.
        const first: unknown = Array.isArray(detail) ? detail[0] : undefined;
        if (typeof first === 'object' && first !== null && typeof (first as { msg?: unknown }).msg === 'string') {
          return cleanText((first as { msg: string }).msg);
        }
      }
      return '';
    } catch {
      // Not JSON after all: fall through.
    }
  }
  if (/html/i.test(contentType) || trimmed.startsWith('<')) {
    const title = /<title[^>]*>([^<]{1,300})<\/title>/i.exec(trimmed.slice(0, 4096))?.[1];
    return title ? cleanText(title.replace(/&amp;/g, '&').replace(/&lt;/g, '<').replace(/&gt;/g, '>')) : 'an HTML page';
  }
  if (contentType === '' || /^text\/plain/i.test(contentType)) return cleanText(trimmed);
  return '';
}

/** Removes control and direction-override characters, folds whitespace, caps the length. */
export function cleanText(text: string): string {
  let out = '';
  for (const char of text) {
    const code = char.codePointAt(0)!;
    const invisible =
      code < 0x20 ||
      (code >= 0x7f && code <= 0x9f) ||
      (code >= 0x200b && code <= 0x200f) ||
      (code >= 0x2028 && code <= 0x202e) ||
      (code >= 0x2066 && code <= 0x2069) ||
      code === 0xfeff;
    out += invisible ? ' ' : char;
  }
  const folded = out.replace(/\s+/g, ' ').trim();
  return truncate(folded, DETAIL_MAX_CHARS);
}

/** A fetch rejection as one short line: undici puts the useful part (ECONNRESET, …) in `cause`. */
export function describeNetworkError(error: unknown): string {
  if (!(error instanceof Error)) return 'the request failed';
  const cause: unknown = error.cause;
  const causeMessage = cause instanceof Error ? cause.message : '';
  const code = typeof cause === 'object' && cause !== null && typeof (cause as { code?: unknown }).code === 'string'
    ? (cause as { code: string }).code
    : '';
  const parts = [error.message, causeMessage].filter((part) => part !== '');
  const text = parts.join(': ') + (code && !causeMessage.includes(code) ? ` (${code})` : '');
  return cleanText(text) || 'the request failed';
}
