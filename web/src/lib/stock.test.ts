import { describe, expect, it } from 'vitest';
import { stockLabel } from './stock';

describe('stockLabel', () => {
  it('says how much is left', () => {
    expect(stockLabel(40)).toBe('In stock');
    expect(stockLabel(3)).toBe('Only 3 left');
    expect(stockLabel(0)).toBe('Out of stock');
    expect(stockLabel(undefined)).toBe('Availability unknown');
  });
});
