import { render, screen } from '@testing-library/svelte';
import { describe, expect, it } from 'vitest';
import { task } from '../testing/fixtures.ts';
import VariableList from './VariableList.svelte';

describe('VariableList', () => {
  it('a term per variable with its type, and its value beside it', () => {
    render(VariableList, { props: { variables: task(3).variables } });
    const terms = screen.getAllByRole('term');
    expect(terms.map((t) => t.textContent?.replace(/\s+/g, ' ').trim())).toEqual(['Vendor name text', 'Contract value number_with_currency']);
    expect(screen.getAllByRole('definition')[0]?.textContent).toBe('Acme Corporation');
  });

  it('says when there are none', () => {
    render(VariableList, { props: { variables: [] } });
    expect(screen.getByText('No variables.')).toBeTruthy();
  });
});
