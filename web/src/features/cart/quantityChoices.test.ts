import { describe, expect, it } from 'vitest';
import { MENU_MAX, quantityChoices, shortfall } from './quantityChoices';

describe('quantityChoices', () => {
  it('offers no more than the stock', () => {
    expect(quantityChoices(1, 3)).toEqual([1, 2, 3]);
  });

  it('caps a large stock, or an unknown one, at the menu size', () => {
    expect(quantityChoices(2, 500)).toHaveLength(MENU_MAX);
    expect(quantityChoices(2, null)).toHaveLength(MENU_MAX);
  });

  it("keeps the line's own quantity when the stock fell below it", () => {
    expect(quantityChoices(5, 2)).toEqual([1, 2, 5]);
    expect(quantityChoices(30, null).at(-1)).toBe(30);
  });

  it('still shows the quantity of a sold-out line', () => {
    expect(quantityChoices(2, 0)).toEqual([2]);
  });
});

describe('shortfall', () => {
  it('says nothing while the stock covers the line', () => {
    expect(shortfall('Pad Thai', 2, 2)).toBeNull();
    expect(shortfall('Pad Thai', 2, null)).toBeNull();
  });

  it('names the product and what is left', () => {
    expect(shortfall('Pad Thai', 5, 2)).toBe('Only 2 of Pad Thai left: lower the quantity to check out.');
    expect(shortfall('Pad Thai', 1, 0)).toBe('Pad Thai is sold out: remove it to check out.');
  });
});
