import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatDate, formatMoney, MAX_CELL_CHARS, MAX_TABLE_COLUMNS, MAX_TABLE_ROWS, viewVariable } from '../../../src-renderer/lib/variables.ts';

const money = (amount: number, currency: string) => new Intl.NumberFormat(undefined, { style: 'currency', currency }).format(amount);

describe('viewVariable renders each documented type by its shape', () => {
  it.each([
    ['text', 'Acme', { kind: 'text', text: 'Acme' }],
    ['email', 'legal@example.com', { kind: 'text', text: 'legal@example.com' }],
    ['select', 'High', { kind: 'text', text: 'High' }],
    ['user_entity', 'sam@example.com', { kind: 'text', text: 'sam@example.com' }],
    ['user_entity', { name: 'Sam', email: 'sam@example.com' }, { kind: 'text', text: 'Sam' }],
    ['business', 'Acme Inc.', { kind: 'text', text: 'Acme Inc.' }],
    ['boolean', false, { kind: 'text', text: 'No' }],
    ['boolean', 'true', { kind: 'text', text: 'Yes' }],
    ['multi_select', ['a', 'b'], { kind: 'chips', items: ['a', 'b'] }],
    ['dynamic_list', ['x', 2], { kind: 'list', items: ['x', new Intl.NumberFormat().format(2)] }],
    ['file', { file_id: 'document_1', file_name: 'MSA.pdf' }, { kind: 'files', names: ['MSA.pdf'] }],
    ['file', ['a.pdf', { name: 'b.docx' }], { kind: 'files', names: ['a.pdf', 'b.docx'] }],
  ] as const)('%s %j', (type, value, expected) => {
    expect(viewVariable(type, value)).toEqual(expected);
  });

  it('number and number_with_currency use Intl', () => {
    expect(viewVariable('number', '150000')).toEqual({ kind: 'text', text: new Intl.NumberFormat().format(150000) });
    expect(viewVariable('number_with_currency', { amount: 1500, currency: 'eur' })).toEqual({ kind: 'text', text: money(1500, 'EUR') });
    expect(formatMoney({ value: '99.5', currency_code: 'GBP' })).toBe(money(99.5, 'GBP'));
    expect(formatMoney('USD 1,200')).toBe(money(1200, 'USD'));
    // Not a currency Intl knows: the number and the code, still readable.
    expect(formatMoney({ amount: 5, currency: 'dollars' })).toBe(`${new Intl.NumberFormat().format(5)} dollars`);
  });

  it('dates are localised; a plain date stays on its calendar day', () => {
    expect(formatDate('2026-03-01')).toBe(new Intl.DateTimeFormat(undefined, { dateStyle: 'medium' }).format(new Date(2026, 2, 1)));
    expect(viewVariable('date', 'not a date')).toEqual({ kind: 'json', text: '"not a date"' });
  });

  it('dynamic_table from rows of objects, rows of arrays, or columns and rows', () => {
    expect(viewVariable('dynamic_table', [{ item: 'Laptop', qty: 2 }, { item: 'Dock', note: 'x' }])).toEqual({
      kind: 'table',
      columns: ['Item', 'Qty', 'Note'],
      rows: [['Laptop', '2', ''], ['Dock', '', 'x']],
      numeric: [false, true, false],
      moreRows: 0,
      moreColumns: false,
    });
    expect(viewVariable('dynamic_table', { columns: ['A', { label: 'B' }], rows: [[1, 'two']] })).toEqual({
      kind: 'table',
      columns: ['A', 'B'],
      rows: [['1', 'two']],
      numeric: [true, false],
      moreRows: 0,
      moreColumns: false,
    });
  });

  it('conversation as messages', () => {
    const view = viewVariable('conversation', [{ author: 'sam@example.com', message: 'Hello', sent_at: '2026-01-02T10:00:00Z' }]);
    expect(view).toMatchObject({ kind: 'messages', items: [{ author: 'sam@example.com', text: 'Hello' }] });
  });

  it('a shape that does not fit its type, or an unknown type, is readable JSON text', () => {
    expect(viewVariable('multi_select', 'a,b')).toEqual({ kind: 'json', text: '"a,b"' });
    expect(viewVariable('signature', { signer: '<b>x</b>' })).toEqual({ kind: 'json', text: '{\n  "signer": "<b>x</b>"\n}' });
    expect(viewVariable('text', null)).toEqual({ kind: 'empty' });
    const circular: Record<string, unknown> = {};
    circular.self = circular;
    expect(viewVariable('text', circular)).toEqual({ kind: 'json', text: '[object Object]' });
  });

  it('never throws, and produces only strings, whatever the API sends', () => {
    const types = fc.constantFrom('text', 'number', 'boolean', 'date', 'email', 'file', 'select', 'multi_select', 'user_entity',
      'business', 'dynamic_list', 'dynamic_table', 'number_with_currency', 'conversation', 'unknown');
    fc.assert(
      fc.property(types, fc.jsonValue(), (type, value) => {
        const view = viewVariable(type, value);
        const strings = JSON.stringify(view);
        expect(typeof strings).toBe('string');
        if (view.kind === 'table') for (const row of view.rows) for (const cell of row) expect(typeof cell).toBe('string');
      }),
    );
  });
});

describe('viewVariable keeps a table at the size the popover can show', () => {
  it('rows that each carry other keys: at most MAX_TABLE_COLUMNS columns, MAX_TABLE_ROWS rows, the rest counted', () => {
    const rows = Array.from({ length: 3000 }, (_, i) => ({ [`field_${i}`]: i, name: `Row ${i}` }));
    const view = viewVariable('dynamic_table', rows);
    if (view.kind !== 'table') throw new Error(view.kind);
    expect(view.columns.length).toBeLessThanOrEqual(MAX_TABLE_COLUMNS);
    expect(view.rows).toHaveLength(MAX_TABLE_ROWS);
    expect(view.rows.every((r) => r.length === view.columns.length)).toBe(true);
    expect(view.moreRows).toBe(3000 - MAX_TABLE_ROWS);
    expect(view.moreColumns).toBe(true);
  });

  it('an array table of 200,000 rows, one of them very wide, builds without overflowing the stack', () => {
    const rows: unknown[][] = Array.from({ length: 200_000 }, (_, i) => [i, `r${i}`]);
    rows[5] = Array.from({ length: 500 }, (_, i) => i);
    const view = viewVariable('dynamic_table', rows);
    if (view.kind !== 'table') throw new Error(view.kind);
    expect(view.rows).toHaveLength(MAX_TABLE_ROWS);
    expect(view.columns).toHaveLength(MAX_TABLE_COLUMNS);
    expect(view.moreRows).toBe(200_000 - MAX_TABLE_ROWS);
    expect(view.moreColumns).toBe(true);
  });

  it('a cell longer than MAX_CELL_CHARS is shortened with "…"; shorter ones are shown whole', () => {
    const long = `Indemnification ${'clause '.repeat(40)}end`;
    const view = viewVariable('dynamic_table', [{ clause: long, note: 'short' }]);
    if (view.kind !== 'table') throw new Error(view.kind);
    const [clause, note] = view.rows[0]!;
    expect(clause!.length).toBeLessThanOrEqual(MAX_CELL_CHARS);
    expect(clause!.length).toBeGreaterThan(MAX_CELL_CHARS - 8); // cut at the limit, a trailing space dropped
    expect(clause).toMatch(/^Indemnification clause clause .*…$/);
    expect(note).toBe('short');
  });
});
