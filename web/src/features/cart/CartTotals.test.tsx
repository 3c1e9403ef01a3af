import { describe, expect, it } from 'vitest';
import { render, screen } from '@testing-library/react';
import type { Totals } from '../../api/types';
import { CartTotals } from './CartTotals';

function amountOf(term: string): string | null {
  const dt = screen.getByText(term, { selector: 'dt' });
  return dt.nextElementSibling?.textContent ?? null;
}

const netPrices: Totals = {
  subtotal: 2380,
  delivery: 0,
  delivery_tax: 0,
  tax: 452,
  total: 2832,
  currency: 'EUR',
  prices_include_tax: false,
  tax_lines: [{ rate_bp: 1900, tax: 452 }],
};

describe('CartTotals', () => {
  it('adds the tax per rate to net prices', () => {
    render(<CartTotals totals={netPrices} />);
    expect(amountOf('Subtotal')).toBe('€23.80');
    expect(amountOf('Tax 19%')).toBe('€4.52');
    expect(amountOf('Total')).toBe('€28.32');
  });

  it('shows the VAT that prices including it contain, per rate, under the total', () => {
    render(
      <CartTotals
        totals={{
          subtotal: 2393,
          delivery: 0,
          delivery_tax: 0,
          tax: 407,
          total: 2800,
          currency: 'EUR',
          prices_include_tax: true,
          tax_lines: [
            { rate_bp: 700, tax: 27 },
            { rate_bp: 1900, tax: 380 },
          ],
        }}
      />,
    );
    expect(amountOf('Total')).toBe('€28.00');
    expect(amountOf('incl. 7% VAT')).toBe('€0.27');
    expect(amountOf('incl. 19% VAT')).toBe('€3.80');
    expect(screen.queryByText('Subtotal')).toBeNull();
  });

  it('shows delivery as listed, its VAT inside the total, and says when it is free', () => {
    render(
      <CartTotals
        deliveryName="Courier"
        totals={{
          subtotal: 2393,
          delivery: 412,
          delivery_tax: 78,
          tax: 485,
          total: 3290,
          currency: 'EUR',
          prices_include_tax: true,
          tax_lines: [
            { rate_bp: 700, tax: 27 },
            { rate_bp: 1900, tax: 458 },
          ],
        }}
      />,
    );
    expect(amountOf('Delivery, Courier')).toBe('€4.90');
    expect(amountOf('Total')).toBe('€32.90');
    expect(amountOf('incl. 19% VAT')).toBe('€4.58');
  });

  it('puts net delivery under the subtotal when tax is added, and "Free" when it is', () => {
    render(<CartTotals deliveryName="Pick-up" totals={netPrices} />);
    expect(amountOf('Delivery, Pick-up')).toBe('Free');
    expect(amountOf('Total')).toBe('€28.32');
  });

  it('respects currencies without minor units', () => {
    render(
      <CartTotals
        totals={{ ...netPrices, subtotal: 1200, tax: 0, total: 1200, currency: 'JPY', tax_lines: [] }}
      />,
    );
    expect(amountOf('Total')).toBe('JP¥1,200');
    expect(amountOf('Tax')).toBe('JP¥0');
  });
});
