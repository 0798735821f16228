/**
 * Turns a task variable (one of the 14 documented types, or a newer one) into a plain render model.
 * Values come from the API and may not have the shape their type promises: whatever does not fit is
 * shown as readable JSON text, never as markup.
 */

interface Message {
  author: string;
  text: string;
  at: string | null;
}

type VariableView =
  | { kind: 'text'; text: string }
  | { kind: 'empty' }
  | { kind: 'chips'; items: string[] }
  | { kind: 'list'; items: string[] }
  | { kind: 'files'; names: string[] }
  /**
   * numeric[i]: column i holds only numbers (kept on one line, aligned to the end). moreRows and
   * moreColumns: what is past MAX_TABLE_ROWS / MAX_TABLE_COLUMNS, only in Chamelio.
   */
  | { kind: 'table'; columns: string[]; rows: string[][]; numeric: boolean[]; moreRows: number; moreColumns: boolean }
  | { kind: 'messages'; items: Message[] }
  | { kind: 'json'; text: string };

const numberFormat = new Intl.NumberFormat();
const dateFormat = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium' });
const dateTimeFormat = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });

type Dict = Record<string, unknown>;
const isDict = (v: unknown): v is Dict => typeof v === 'object' && v !== null && !Array.isArray(v);

export function json(value: unknown): VariableView {
  let text: string;
  try {
    text = JSON.stringify(value, null, 2) ?? String(value);
  } catch {
    text = String(value);
  }
  return { kind: 'json', text };
}

/** A short text for a cell or list item: primitives as text, anything else as compact JSON. */
export function plain(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return numberFormat.format(value);
  if (typeof value === 'boolean') return value ? 'Yes' : 'No';
  try {
    return JSON.stringify(value);
  } catch {
    return String(value);
  }
}

function firstString(d: Dict, keys: string[]): string | null {
  for (const key of keys) {
    const v = d[key];
    if (typeof v === 'string' && v.trim()) return v;
  }
  return null;
}

function asNumber(v: unknown): number | null {
  if (typeof v === 'number' && Number.isFinite(v)) return v;
  if (typeof v === 'string' && v.trim() !== '' && Number.isFinite(Number(v))) return Number(v);
  return null;
}

export function formatDate(v: unknown): string | null {
  if (typeof v !== 'string') return null;
  const dateOnly = /^\d{4}-\d{2}-\d{2}$/.test(v);
  // A plain date is a calendar day: read it as local midnight so no timezone shifts the day.
  const at = dateOnly ? new Date(`${v}T00:00:00`).getTime() : Date.parse(v);
  if (Number.isNaN(at)) return null;
  return (dateOnly ? dateFormat : dateTimeFormat).format(at);
}

export function formatMoney(v: unknown): string | null {
  let amount: number | null = null;
  let currency: string | null = null;
  if (isDict(v)) {
    amount = asNumber(v.amount ?? v.value ?? v.number);
    currency = firstString(v, ['currency', 'currency_code', 'code']);
  } else if (typeof v === 'string') {
    const m = /^\s*([A-Za-z]{3})\s*([-\d.,]+)\s*$|^\s*([-\d.,]+)\s*([A-Za-z]{3})\s*$/.exec(v);
    if (m) {
      currency = m[1] ?? m[4] ?? null;
      amount = asNumber((m[2] ?? m[3] ?? '').replace(/,/g, ''));
    }
  }
  if (amount === null || !currency) return null;
  try {
    return new Intl.NumberFormat(undefined, { style: 'currency', currency: currency.toUpperCase() }).format(amount);
  } catch {
    return `${numberFormat.format(amount)} ${currency}`;
  }
}

function fileName(v: unknown): string | null {
  if (typeof v === 'string' && v.trim()) return v;
  if (isDict(v)) return firstString(v, ['file_name', 'name', 'filename', 'value', 'title', 'file_id']);
  return null;
}

function files(v: unknown): VariableView | null {
  const items = Array.isArray(v) ? v : [v];
  const names = items.map(fileName);
  return names.every((n): n is string => n !== null) && names.length > 0 ? { kind: 'files', names } : null;
}

/**
 * Largest table shown in the popover; the rest is counted ("N more rows in Chamelio"), and a cell's
 * text past MAX_CELL_CHARS is shortened with "…" (the whole table is in Chamelio). Together they
 * bound what one task's details lay out: 30 × 12 cells of at most 80 characters. Measured by
 * bench/renderer-table.ts (on this machine, under load): at 100 rows the first open of the largest table took 190 ms, at 50 about
 * 100–170, at 30 about 90 (target ≤ 100 ms); a popover is for a glance, Chamelio has the rest.
 */
export const MAX_TABLE_ROWS = 30;
export const MAX_TABLE_COLUMNS = 12;
export const MAX_CELL_CHARS = 80;

/**
 * Rows and columns past the limits are counted, never built: a 3,000-row table whose rows each
 * carry other keys was rendered as rows × all keys (20 s frozen), and `Math.max(...rows)` over
 * 200,000 rows overflowed the stack.
 */
function table(v: unknown): VariableView | null {
  let columns: string[] | null = null;
  let rows: unknown[] | null = null;
  if (Array.isArray(v)) rows = v;
  else if (isDict(v) && Array.isArray(v.rows)) {
    rows = v.rows;
    const head = v.columns ?? v.headers;
    if (Array.isArray(head)) columns = head.map((c) => (isDict(c) ? (firstString(c, ['label', 'name', 'id']) ?? plain(c)) : plain(c)));
  }
  if (!rows) return null;
  const shown = rows.slice(0, MAX_TABLE_ROWS);
  const moreRows = rows.length - shown.length;
  if (rows.every(isDict)) {
    const keys = columns ?? firstKeys(shown as Dict[]);
    const raw = shown.map((r) => keys.slice(0, MAX_TABLE_COLUMNS).map((k) => (r as Dict)[k]));
    return tableView(keys.map(keyLabel), raw, moreRows, keys.length);
  }
  if (rows.every(Array.isArray)) {
    let width = columns?.length ?? 0;
    for (const r of shown as unknown[][]) width = Math.max(width, r.length);
    const cols = columns ?? Array.from({ length: Math.min(width, MAX_TABLE_COLUMNS + 1) }, (_, i) => `Column ${i + 1}`);
    const raw = shown.map((r) => cols.slice(0, MAX_TABLE_COLUMNS).map((_, i) => (r as unknown[])[i]));
    return tableView(cols, raw, moreRows, width);
  }
  return null;
}

/** The rows' keys in order of first appearance, up to one past the column limit (to know there are more). */
function firstKeys(rows: Dict[]): string[] {
  const keys = new Set<string>();
  for (const row of rows) {
    for (const key of Object.keys(row)) {
      keys.add(key);
      if (keys.size > MAX_TABLE_COLUMNS) return [...keys];
    }
  }
  return [...keys];
}

function tableView(labels: string[], raw: unknown[][], moreRows: number, width: number): VariableView {
  const shown = labels.slice(0, MAX_TABLE_COLUMNS);
  return {
    kind: 'table',
    columns: shown,
    rows: raw.map((r) => r.map(cellText)),
    numeric: numericColumns(raw, shown.length),
    moreRows,
    moreColumns: width > shown.length,
  };
}

function cellText(value: unknown): string {
  const text = plain(value);
  return text.length > MAX_CELL_CHARS ? `${text.slice(0, MAX_CELL_CHARS - 1).trimEnd()}…` : text;
}

/** A column is numeric when it has a number and nothing but numbers (blanks aside). */
function numericColumns(rows: unknown[][], width: number): boolean[] {
  return Array.from({ length: width }, (_, i) => {
    const values = rows.map((r) => r[i]).filter((v) => v !== null && v !== undefined && v !== '');
    return values.length > 0 && values.every((v) => typeof v === 'number');
  });
}

function messages(v: unknown): VariableView | null {
  const list = Array.isArray(v) ? v : isDict(v) && Array.isArray(v.messages) ? v.messages : null;
  if (!list || !list.every(isDict)) return null;
  return {
    kind: 'messages',
    items: list.map((m) => ({
      author: firstString(m, ['author', 'sender', 'from', 'user', 'user_email', 'email', 'role', 'name']) ?? 'Unknown',
      text: firstString(m, ['text', 'message', 'content', 'body', 'comment']) ?? plain(m),
      at: formatDate(m.timestamp ?? m.at ?? m.created_at ?? m.sent_at ?? m.time),
    })),
  };
}

function byType(type: string, value: unknown): VariableView | null {
  switch (type) {
    case 'text':
    case 'email':
    case 'select':
      return typeof value === 'string' ? { kind: 'text', text: value } : null;
    case 'user_entity':
    case 'business':
      if (typeof value === 'string') return { kind: 'text', text: value };
      return isDict(value) ? mapText(firstString(value, ['name', 'email', 'label', 'value'])) : null;
    case 'number': {
      const n = asNumber(value);
      return n === null ? null : { kind: 'text', text: numberFormat.format(n) };
    }
    case 'boolean':
      if (value === true || value === 'true') return { kind: 'text', text: 'Yes' };
      if (value === false || value === 'false') return { kind: 'text', text: 'No' };
      return null;
    case 'date':
      return mapText(formatDate(value));
    case 'number_with_currency':
      return mapText(formatMoney(value));
    case 'multi_select':
      return Array.isArray(value) ? { kind: 'chips', items: value.map(plain) } : null;
    case 'file':
      return files(value);
    case 'dynamic_list':
      return Array.isArray(value) ? { kind: 'list', items: value.map(plain) } : null;
    case 'dynamic_table':
      return table(value);
    case 'conversation':
      return messages(value);
    default:
      return null;
  }
}

function mapText(text: string | null): VariableView | null {
  return text === null ? null : { kind: 'text', text };
}

export function viewVariable(type: string, value: unknown): VariableView {
  if (value === null || value === undefined || value === '') return { kind: 'empty' };
  if (Array.isArray(value) && value.length === 0) return { kind: 'empty' };
  return byType(type, value) ?? json(value);
}

/** "contract_value" → "Contract value". */
export function variableLabel(variableId: string): string {
  return keyLabel(variableId);
}

/**
 * A variable's id or a table column's key as a label ("due_date" → "Due date"). Statuses are not
 * worded here: the engine ships their label (TaskSummary.statusLabel).
 */
function keyLabel(key: string): string {
  const words = key.replace(/[_-]+/g, ' ').trim();
  return words ? words.charAt(0).toUpperCase() + words.slice(1) : key;
}
