import { CHAMELIO_APP_HOST } from '../app/Settings.ts';
import type { ParsedTaskRefs, RejectReason } from './TaskRef.ts';
import { truncate } from '../base/truncate.ts';
import { SegmentPieces } from './SegmentPieces.ts';
import { TaskRefCollector, type UrlVerdict } from './TaskRefCollector.ts';

/** Longest piece of pasted text quoted in a message, so a huge paste cannot produce a huge message. */
export const MAX_QUOTED_FRAGMENT = 80;

// Every pattern below is either anchored or built from classes that exclude what follows them, so
// each character is looked at a bounded number of times: a 1 MB paste must not hang the UI.

// Characters that cannot belong to a pasted link or id. Quotes, angle brackets and backticks are
// how links arrive wrapped (Markdown autolinks, chat apps, HTML attributes).
const HARD_SEPARATORS =
  /[\s"'<>`{}|^\u200B-\u200D\u2060\u2018\u2019\u201C\u201D\u00AB\u00BB\u2039\u203A]+/u;
// The text of a Markdown link `[text](url)` is a label: only the target says which task is meant,
// and a label may show one link while the target is another.
const MARKDOWN_LINK_TEXT = /\[[^[\]\n]*\]\(/g;
const SCHEME = /(?<![A-Za-z0-9+.-])[A-Za-z][A-Za-z0-9+.-]*:/g;
const SCHEME_AT = /[A-Za-z][A-Za-z0-9+.-]*:/y;
const WEB_SCHEME = /^https?:/i;
// Schemes that are links even without "//"; any other "word:" is ordinary text ("ID:", "Re:").
const KNOWN_SCHEMES = new Set([
  'http', 'https', 'ftp', 'ftps', 'sftp', 'file', 'javascript', 'vbscript', 'data', 'blob', 'about',
  'mailto', 'tel', 'sms', 'ws', 'wss', 'view-source',
]);
// `host.tld/…` without a scheme, optionally `//`-prefixed or with userinfo; the host must be
// followed by a path, query, fragment or port, so an email address or "e.g." stays a word.
const HOST_LIKE =
  /^(?:\/\/)?(?:[^/?#@\\]*@)?([\p{L}\p{N}\p{M}-]+(?:\.[\p{L}\p{N}\p{M}-]+)+)\.?(?::\d*)?(?=[/?#\\])/u;
const TOP_LEVEL_LABEL = /^\p{L}[\p{L}\p{N}\p{M}-]+$/u;
const DOTTED_QUAD = /^\d+(?:\.\d+){3}$/;
const LEADING_WRAPPERS = /^[([*_~]+/;
const WORD_SEPARATORS = /[()[\]]+/;
const WORD_LEADING_PUNCTUATION = /^[*_~:!?…]+/;
// Stripped by a loop, not a `[…]+$` regex: V8 retries such a regex at every position of a long
// run of punctuation, which is quadratic (20,000 dots took 0.7 s).
const TRAILING_PUNCTUATION: ReadonlySet<number> = new Set(Array.from('.,:;!?…*_~', (c) => c.charCodeAt(0)));
const CLOSE_PAREN = ')'.charCodeAt(0);
const CLOSE_SQUARE = ']'.charCodeAt(0);
const ID = /^#?(\d+)$/;
// Starts like a number ("-5", "+5", "#0", "1.5", "12a", ".5"): meant as an id, so worth a reason.
const ID_LOOKING = /^#?[+\-\u2212]?\.?\d/;
const ORDINAL = /^\d+(?:st|nd|rd|th)$/i;
const TASK_PATH = /^\/workflows\/tasks\/([^/]+)\/?$/;
// Bidi overrides and control characters could make a quoted fragment read as something else.
// eslint-disable-next-line no-control-regex
const UNSAFE_TO_SHOW = /[\u0000-\u001F\u007F-\u009F\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/g;

interface AppOrigin {
  hostname: string;
  port: string;
  /** A task link exactly as the app writes it, which the URL parser would read the same way. */
  plainTaskLink: RegExp | null;
}

interface Collector {
  app: AppOrigin;
  found: TaskRefCollector;
}

/**
 * Finds task ids in text pasted from anywhere (task URLs, `#12345`, `12345`, mixed with words)
 * and explains every fragment that looks like a reference but cannot be trusted as one.
 * Links count only when the WHATWG URL parser puts them exactly on `appHost`.
 */
export function parseTaskRefs(text: string, appHost: string = CHAMELIO_APP_HOST): ParsedTaskRefs {
  const out: Collector = { app: appOrigin(appHost), found: new TaskRefCollector() };
  // Callers in plain JavaScript (or a bridge payload) may hand over anything.
  if (typeof text !== 'string') return { ids: [], rejected: [] };
  for (const segment of text.replace(MARKDOWN_LINK_TEXT, ' (').split(HARD_SEPARATORS)) {
    // A segment read before adds nothing: links never reach past their segment.
    if (segment !== '' && out.found.firstTime('segment', segment)) scanSegment(segment, out);
  }
  return out.found.result();
}

/** Shortens text quoted back to the user and neutralises characters that would disguise it. */
export function quoteFragment(fragment: string): string {
  return truncate(fragment, MAX_QUOTED_FRAGMENT).replace(UNSAFE_TO_SHOW, '\uFFFD');
}

function appOrigin(appHost: string): AppOrigin {
  try {
    const url = new URL(`https://${String(appHost).trim()}/`);
    const hostname = withoutTrailingDot(url.hostname);
    // Only a plain lower-case host without a port: then the pattern and the parser cannot disagree.
    const plain = url.port === '' && /^[a-z][a-z0-9-]*(?:\.[a-z][a-z0-9-]*)+$/.test(hostname);
    const plainTaskLink = plain ? new RegExp(`^https://${hostname.replaceAll('.', '\\.')}/workflows/tasks/(\\d+)/?$`) : null;
    return { hostname, port: url.port, plainTaskLink };
  } catch {
    return { hostname: '', port: '', plainTaskLink: null };
  }
}

function withoutTrailingDot(hostname: string): string {
  return hostname.endsWith('.') ? hostname.slice(0, -1) : hostname;
}

/** A segment has no whitespace or hard separator; commas and semicolons may still split it. */
function scanSegment(segment: string, out: Collector): void {
  const pieces = new SegmentPieces(segment);
  for (let start = 0; start < segment.length; start += 1) {
    const end = pieces.end(start);
    if (end > start) start = scanPiece(pieces, start, end, out);
    else start = end; // an empty piece: the next separator follows at once
  }
}

/** Reads the piece from `start` to `end`, or the link that starts in it; where what was read ends. */
function scanPiece(pieces: SegmentPieces, start: number, end: number, out: Collector): number {
  const piece = pieces.text.slice(start, end);
  const link = pieces.mayHoldLink(start, end) ? urlStart(piece) : null;
  if (link === null) {
    if (out.found.firstTime('piece', piece)) scanWords(piece, out);
    return end;
  }
  scanWords(piece.slice(0, link.index), out);
  return scanUrl(pieces, start + link.index, end, link.hasScheme, out);
}

/** The link that starts at `from` in the piece ending at `end`: accepted or refused; where it ends. */
function scanUrl(pieces: SegmentPieces, from: number, end: number, hasScheme: boolean, out: Collector): number {
  const segment = pieces.text;
  let upTo = end;
  // A comma inside a query or fragment (`?ids=1,2`) or a non-web link (`data:…;base64,…`,
  // `javascript:a();b(2)`) belongs to the link; elsewhere it separates.
  const first = segment.slice(from, end);
  if (/[?#]/.test(first) || (hasScheme && !WEB_SCHEME.test(first))) upTo = glueUntilNextLink(pieces, upTo);
  const fragment = trimUrlEnd(segment.slice(from, upTo));
  const verdict = out.found.verdict(fragment, hasScheme, () => classifyUrl(fragment, hasScheme, out.app));
  if ('id' in verdict) {
    acceptId(verdict.id, fragment, out);
    return upTo;
  }
  // What is glued to a refused link by commas is part of it (`evil.com/tasks/1,4242`): an id
  // there is not the user's, so it is refused with the link instead of pinned on its own.
  upTo = glueUntilNextLink(pieces, upTo);
  reject(out, trimUrlEnd(segment.slice(from, upTo)), verdict.reason, verdict.message);
  return upTo;
}

/** Takes in the separators and pieces after the one ending at `end` up to the next link; the new end. */
function glueUntilNextLink(pieces: SegmentPieces, end: number): number {
  const length = pieces.text.length;
  while (end < length) {
    // Pieces with neither a colon nor a dot cannot start a link: glued without being read.
    const start = pieces.nextPieceWithMark(end + 1);
    if (start === length) return length;
    const next = pieces.end(start);
    if (startsWithUrl(pieces.text.slice(start, next))) return start - 1;
    end = next;
  }
  return end;
}

interface UrlStart {
  index: number;
  hasScheme: boolean;
}

function urlStart(piece: string): UrlStart | null {
  const lead = LEADING_WRAPPERS.exec(piece)?.[0].length ?? 0;
  if (hasSchemeAt(piece, lead)) return { index: lead, hasScheme: true };
  // A host-looking start wins over a scheme later on, so `evil.com/?u=https://app…` stays foreign.
  if (isHostLike(piece.slice(lead))) return { index: lead, hasScheme: false };
  SCHEME.lastIndex = 0;
  for (let m = SCHEME.exec(piece); m !== null; m = SCHEME.exec(piece)) {
    if (isLinkScheme(piece, m.index, m[0])) return { index: m.index, hasScheme: true };
  }
  return null;
}

function startsWithUrl(piece: string): boolean {
  const lead = LEADING_WRAPPERS.exec(piece)?.[0].length ?? 0;
  return hasSchemeAt(piece, lead) || isHostLike(piece.slice(lead));
}

function hasSchemeAt(piece: string, index: number): boolean {
  SCHEME_AT.lastIndex = index;
  const m = SCHEME_AT.exec(piece);
  return m !== null && isLinkScheme(piece, index, m[0]);
}

function isLinkScheme(piece: string, index: number, schemeWithColon: string): boolean {
  const name = schemeWithColon.slice(0, -1).toLowerCase();
  return KNOWN_SCHEMES.has(name) || piece.startsWith('//', index + schemeWithColon.length);
}

function isHostLike(candidate: string): boolean {
  const host = HOST_LIKE.exec(candidate)?.[1];
  if (host === undefined) return false;
  const topLevel = host.slice(host.lastIndexOf('.') + 1);
  return TOP_LEVEL_LABEL.test(topLevel) || DOTTED_QUAD.test(host);
}

/** Drops sentence punctuation after a link, and a closing bracket that has no opening one inside it. */
function trimUrlEnd(url: string): string {
  let unmatchedParens = count(url, ')') - count(url, '(');
  let unmatchedSquare = count(url, ']') - count(url, '[');
  let end = url.length;
  while (end > 0) {
    const last = url.charCodeAt(end - 1);
    // By character code: the end of a link may be a megabyte of punctuation.
    if (last === CLOSE_PAREN && unmatchedParens > 0) unmatchedParens -= 1;
    else if (last === CLOSE_SQUARE && unmatchedSquare > 0) unmatchedSquare -= 1;
    else if (!TRAILING_PUNCTUATION.has(last)) break;
    end -= 1;
  }
  return url.slice(0, end);
}

/** indexOf skips what is not `char` far faster than a loop over every character. */
function count(text: string, char: string): number {
  let n = 0;
  for (let i = text.indexOf(char); i !== -1; i = text.indexOf(char, i + 1)) n += 1;
  return n;
}

function classifyUrl(fragment: string, hasScheme: boolean, app: AppOrigin): UrlVerdict {
  // Most pasted links are exactly the app's own: a list of thousands is read without parsing each.
  const plain = hasScheme ? app.plainTaskLink?.exec(fragment)?.[1] : undefined;
  if (plain !== undefined && isTaskId(plain)) return { id: plain };
  const href = hasScheme ? fragment : `${fragment.startsWith('//') ? 'https:' : 'https://'}${fragment}`;
  let url: URL;
  try {
    url = new URL(href);
  } catch {
    return { reason: 'not-a-task-url', message: `${quoteFragment(fragment)} is not a valid link` };
  }
  const appHost = app.hostname;
  const host = withoutTrailingDot(url.hostname);
  if (appHost === '' || host !== appHost) {
    const why = host === '' ? `A ${quoteFragment(url.protocol)} link is not on` : `${quoteFragment(url.hostname)} is not`;
    return { reason: 'foreign-host', message: `${why} ${quoteFragment(appHost || '(no app host)')}` };
  }
  const detail = notTaskPageDetail(url, app);
  const path = TASK_PATH.exec(url.pathname);
  if (detail !== null || path === null) {
    return { reason: 'not-a-task-url', message: `Not a task page on ${quoteFragment(appHost)}${detail ?? ''}` };
  }
  const id = path[1] ?? '';
  return isTaskId(id) ? { id } : { reason: 'invalid-id', message: `${quoteFragment(id)} is not a task ID` };
}

/** Right host, but something a genuine task link never has. */
function notTaskPageDetail(url: URL, app: AppOrigin): string | null {
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return ` (${quoteFragment(url.protocol)} link)`;
  if (url.port !== app.port) return url.port === '' ? ' (no port)' : ` (port ${url.port})`;
  if (url.username !== '' || url.password !== '') return ' (has a user name)';
  return null;
}

function scanWords(text: string, out: Collector): void {
  if (text === '') return;
  for (const raw of text.split(WORD_SEPARATORS)) {
    const word = withoutTrailingPunctuation(raw.replace(WORD_LEADING_PUNCTUATION, ''));
    if (word === '' || ORDINAL.test(word)) continue;
    const digits = ID.exec(word)?.[1];
    if (digits !== undefined) acceptId(digits, word, out);
    else if (ID_LOOKING.test(word)) reject(out, word, 'invalid-id', `${quoteFragment(word)} is not a task ID`);
  }
}

function withoutTrailingPunctuation(text: string): string {
  let end = text.length;
  while (end > 0 && TRAILING_PUNCTUATION.has(text.charCodeAt(end - 1))) end -= 1;
  return text.slice(0, end);
}

function isTaskId(idText: string): boolean {
  const id = /^\d+$/.test(idText) ? Number(idText) : Number.NaN;
  return Number.isSafeInteger(id) && id > 0;
}

function acceptId(idText: string, fragment: string, out: Collector): void {
  const id = Number(idText);
  if (!isTaskId(idText)) {
    reject(out, fragment, 'invalid-id', `${quoteFragment(idText)} is not a task ID`);
    return;
  }
  out.found.addId(id);
}

function reject(out: Collector, fragment: string, reason: RejectReason, message: string): void {
  out.found.reject(fragment, reason, message);
}
