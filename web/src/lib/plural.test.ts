import { describe, expect, it } from 'vitest';
import { countOf } from './plural';

describe('countOf', () => {
  it('says one item, and items otherwise', () => {
    expect(countOf(1, 'item', 'items')).toBe('1 item');
    expect(countOf(0, 'item', 'items')).toBe('0 items');
    expect(countOf(2, 'item', 'items')).toBe('2 items');
  });
});
