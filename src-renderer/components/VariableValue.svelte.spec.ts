import { render, screen } from '@testing-library/svelte';
import { describe, expect, it } from 'vitest';
import VariableValue from './VariableValue.svelte';

describe('VariableValue', () => {
  it('markup from the API is shown as text, never parsed', () => {
    const { container } = render(VariableValue, { props: { type: 'text', value: '<img src=x onerror=alert(1)>' } });
    expect(container.querySelector('img')).toBeNull();
    expect(screen.getByText('<img src=x onerror=alert(1)>')).toBeTruthy();
  });

  it('a table has column headers for screen readers', () => {
    render(VariableValue, { props: { type: 'dynamic_table', value: [{ item: 'Chairs', qty: 4 }] } });
    expect(screen.getAllByRole('columnheader').map((h) => h.textContent)).toEqual(['Item', 'Qty']);
    expect(screen.getAllByRole('cell').map((c) => c.textContent)).toEqual(['Chairs', '4']);
  });

  it('files by name, a list as a list, an empty value as "empty"', () => {
    const { unmount } = render(VariableValue, { props: { type: 'file', value: [{ file_name: 'contract.pdf', id: 'f_1' }] } });
    expect(screen.getByRole('listitem').textContent).toContain('contract.pdf');
    expect(screen.queryByText(/f_1/)).toBeNull();
    unmount();
    render(VariableValue, { props: { type: 'text', value: null } });
    expect(screen.getByText('empty')).toBeTruthy();
  });

  it('a shape that fits no type is shown as JSON text', () => {
    const { container } = render(VariableValue, { props: { type: 'mystery', value: { a: 1 } } });
    expect(container.querySelector('pre')?.textContent).toContain('"a": 1');
  });
});
