import { describe, expect, it } from 'vitest';
import { ApiError } from '../../api/errors';
import type { OrderLine } from '../../api/types';
import { addLines, whyNotAdded } from './reorder';

function line(name: string, productId: string): OrderLine {
  return {
    name,
    product_id: productId,
    quantity: 2,
    unit_price: 1190,
    line_total: 2380,
    tax: 380,
    tax_rate_bp: 1900,
  };
}

describe('whyNotAdded', () => {
  it('says a product is gone', () => {
    expect(whyNotAdded(new ApiError(404, 'not_found', 'No product "p1".'))).toBe('no longer sold');
  });

  it('says how much stock is left', () => {
    const short = (available: number) =>
      new ApiError(409, 'conflict', 'Only 1 of "Pad Thai" in stock (2 wanted).', { available, requested: 2 });
    expect(whyNotAdded(short(0))).toBe('out of stock');
    expect(whyNotAdded(short(1))).toBe('only 1 left');
  });

  it("keeps the API's words otherwise", () => {
    expect(whyNotAdded(new ApiError(409, 'conflict', 'The basket is in another currency.'))).toBe(
      'The basket is in another currency.',
    );
  });
});

describe('addLines', () => {
  it('adds the lines it can and names the others', async () => {
    const added: string[] = [];
    const failures = await addLines(
      [line('Pad Thai', 'p1'), line('Old Dish', 'p2'), line('Gyoza', 'p3')],
      async (l) => {
        if (l.product_id === 'p2') throw new ApiError(404, 'not_found', 'No product.');
        added.push(l.product_id);
      },
    );
    expect(added).toEqual(['p1', 'p3']);
    expect(failures).toEqual([{ productId: 'p2', name: 'Old Dish', reason: 'no longer sold' }]);
  });

  it('answers no failures when everything went in', async () => {
    expect(await addLines([line('Pad Thai', 'p1')], () => Promise.resolve())).toEqual([]);
  });
});
