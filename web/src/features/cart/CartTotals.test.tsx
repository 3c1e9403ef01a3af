import { describe, expect, it } from 'vitest';
import { render, screen } from '@testing-library/react';
import { CartTotals } from './CartTotals';

function amountOf(term: string): string | null {
  const dt = screen.getByText(term, { selector: 'dt' });
  return dt.nextElementSibling?.textContent ?? null;
}

describe('CartTotals', () => {
  it('shows subtotal, tax and total in the cart currency', () => {
    render(<CartTotals subtotal={2380} tax={452} total={2832} currency="EUR" />);
    expect(amountOf('Subtotal')).toBe('€23.80');
    expect(amountOf('Tax')).toBe('€4.52');
    expect(amountOf('Total')).toBe('€28.32');
  });

  it('respects currencies without minor units', () => {
    render(<CartTotals subtotal={1200} tax={0} total={1200} currency="JPY" />);
    expect(amountOf('Total')).toBe('JP¥1,200');
  });
});
