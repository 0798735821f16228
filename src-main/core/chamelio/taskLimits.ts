/**
 * How much of a task the app keeps. A hostile or broken server may send a 2 MiB title on every
 * answer; it is copied into every snapshot, history entry, notification and the state file, so
 * without limits memory and the file grow without bound (280 pins of ~2 MB titles crashed the
 * preview with a 518 MB state file). Everything is shortened here, once, when an answer (or a
 * saved snapshot) is validated; a shortened text ends with SHORTENED_MARK.
 */

/** Longest title, name, status, e-mail or id kept: longer ones are cut and end with the mark. */
export const MAX_FIELD_CHARS = 1_000;
/** Longest string kept inside a variable's value. */
export const MAX_VALUE_TEXT_CHARS = 10_000;
/** Largest variable value kept (as JSON text); a larger one is replaced by a short note. */
export const MAX_VALUE_JSON_CHARS = 64 * 1024;
/** Largest whole snapshot kept (as JSON text); past it, the largest values go first. */
export const MAX_SNAPSHOT_JSON_CHARS = 256 * 1024;
export const SHORTENED_MARK = '… [shortened]';
/**
 * Written again as JSON, a parsed answer is at most this many times as long as its source text.
 * Only numbers grow ("1e20" is written as its 21 digits, 5.25 times); everything else is written
 * as short as the source or shorter (no spaces, no needless escapes, characters that took several
 * UTF-8 bytes as one), and the `"value":null` a variable without a value gets is a quarter of the
 * smallest variable's text. So an answer of fewer bytes than the limit ÷ this needs no measuring.
 */
export const REWRITE_GROWTH = 6;

/** Cuts `text` to at most `max` characters, mark included, never inside a surrogate pair. */
export function shortenText(text: string, max: number): string {
  if (text.length <= max) return text;
  let cut = Math.max(0, max - SHORTENED_MARK.length);
  const last = text.charCodeAt(cut - 1);
  if (last >= 0xd800 && last <= 0xdbff) cut -= 1;
  return `${text.slice(0, cut)}${SHORTENED_MARK}`;
}

/** A note kept instead of a value too large to keep. */
function notKept(jsonChars: number): string {
  return `[Too large to keep here (${Math.ceil(jsonChars / 1024)} KB): open the task in Chamelio to see it.]`;
}

/** What a variable value is kept as: the value or a shortened copy, or why it is not. */
type KeptValue = { ok: true; value: unknown } | { ok: false; tooDeep: true };

/**
 * A variable value as kept, in one walk: every string in it (keys too) shortened, no deeper than
 * `maxDepth` objects and arrays, and within MAX_VALUE_JSON_CHARS or replaced by the note that
 * says it was not kept. Only what must change is copied: a plain value (JSON.parse's objects and
 * arrays) with nothing to shorten is kept itself, so the usual answer allocates nothing here. The
 * walk sums a bound on the kept value's JSON text (a string of n characters is at most 6n + 2
 * written, a number 24) and writes the text out to measure it only when the bound is over the
 * limit. The walk recurses at most `maxDepth` levels, whatever it is given.
 */
export function keptValue(value: unknown, maxDepth: number): KeptValue {
  const walk = { chars: 0, tooDeep: false, maxDepth };
  const kept = shortened(value, 0, walk);
  if (walk.tooDeep) return { ok: false, tooDeep: true };
  if (walk.chars <= MAX_VALUE_JSON_CHARS) return { ok: true, value: kept };
  const chars = JSON.stringify(kept)?.length ?? 0;
  return { ok: true, value: chars <= MAX_VALUE_JSON_CHARS ? kept : notKept(chars) };
}

interface Walk {
  /** At least the length of the kept value's JSON text so far. */
  chars: number;
  tooDeep: boolean;
  maxDepth: number;
}

/** `value` itself when nothing in it changes, else a copy with the changes. */
function shortened(value: unknown, depth: number, walk: Walk): unknown {
  if (typeof value === 'string') {
    const text = shortenText(value, MAX_VALUE_TEXT_CHARS);
    walk.chars += text.length * 6 + 2;
    return text;
  }
  walk.chars += typeof value === 'object' && value !== null ? 2 : 24;
  if (typeof value !== 'object' || value === null) return value;
  if (depth >= walk.maxDepth || walk.tooDeep) {
    walk.tooDeep = true;
    return null;
  }
  return Array.isArray(value) ? shortenedArray(value, depth, walk) : shortenedObject(value, depth, walk);
}

function shortenedArray(value: unknown[], depth: number, walk: Walk): unknown[] {
  // Anything but a plain array (a subclass, say) is copied, so only JSON's own kinds are kept.
  let out: unknown[] | null = Object.getPrototypeOf(value) === Array.prototype ? null : [];
  for (let i = 0; i < value.length; i++) {
    const item = value[i];
    const kept = shortened(item, depth + 1, walk);
    walk.chars += 1;
    if (out === null && kept !== item) out = value.slice(0, i);
    out?.push(kept);
  }
  return out ?? value;
}

function shortenedObject(value: object, depth: number, walk: Walk): object {
  const plain = Object.getPrototypeOf(value) === Object.prototype;
  let out: Record<string, unknown> | null = plain ? null : {};
  const keys = Object.keys(value);
  const source = value as Record<string, unknown>;
  for (let i = 0; i < keys.length; i++) {
    const key = keys[i]!;
    const child = source[key];
    const name = shortenText(key, MAX_FIELD_CHARS);
    const kept = shortened(child, depth + 1, walk);
    walk.chars += name.length * 6 + 4;
    if (out === null && (kept !== child || name !== key)) out = copyOfKeys(source, keys, i);
    if (out !== null) defineKey(out, name, kept);
  }
  return out ?? value;
}

function copyOfKeys(source: Record<string, unknown>, keys: string[], count: number): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (let i = 0; i < count; i++) defineKey(out, keys[i]!, source[keys[i]!]);
  return out;
}

function defineKey(out: Record<string, unknown>, name: string, value: unknown): void {
  // A "__proto__" key (JSON.parse makes it an own property) is defined, not assigned, so it stays a key and never becomes the prototype.
  if (name === '__proto__') Object.defineProperty(out, name, { value, enumerable: true, writable: true, configurable: true });
  else out[name] = value;
}

interface HasValue {
  value: unknown;
}

/**
 * Keeps a snapshot within MAX_SNAPSHOT_JSON_CHARS by replacing its largest variable values by
 * notes, largest first. Fields other than values are already bounded by MAX_FIELD_CHARS.
 * `sourceBytes`: the length of the answer it was read from, when known (REWRITE_GROWTH).
 * `variablesOf` is asked only when the snapshot may be too large, so the usual answer lists nothing.
 */
export function boundSnapshot<T>(task: T, variablesOf: () => HasValue[], sourceBytes = Infinity): T {
  if (sourceBytes * REWRITE_GROWTH <= MAX_SNAPSHOT_JSON_CHARS) return task;
  let total = JSON.stringify(task).length;
  if (total <= MAX_SNAPSHOT_JSON_CHARS) return task;
  const sized = variablesOf().map((v) => ({ v, chars: JSON.stringify(v.value)?.length ?? 0 })).sort((a, b) => b.chars - a.chars);
  for (const { v, chars } of sized) {
    if (total <= MAX_SNAPSHOT_JSON_CHARS) break;
    const note = notKept(chars);
    v.value = note;
    total -= chars - JSON.stringify(note).length;
  }
  return task;
}
