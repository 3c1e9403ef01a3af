import { describe, expect, it } from 'vitest';
import { stockLabel, stockWorthMentioning } from './stock';

describe('stockLabel', () => {
  it('says how much is left', () => {
    expect(stockLabel(40)).toBe('In stock');
    expect(stockLabel(3)).toBe('Only 3 left');
    expect(stockLabel(0)).toBe('Out of stock');
    expect(stockLabel(undefined)).toBe('Availability unknown');
  });
});

describe('stockWorthMentioning', () => {
  it('mentions only low or no stock', () => {
    expect(stockWorthMentioning(40)).toBe(false);
    expect(stockWorthMentioning(6)).toBe(false);
    expect(stockWorthMentioning(5)).toBe(true);
    expect(stockWorthMentioning(0)).toBe(true);
    expect(stockWorthMentioning(undefined)).toBe(false);
  });
});
