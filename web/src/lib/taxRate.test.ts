import { describe, expect, it } from 'vitest';
import { formatRate, parseRate, taxNote } from './taxRate';

describe('tax rates', () => {
  it('reads basis points as percent', () => {
    expect(formatRate(1900)).toBe('19%');
    expect(formatRate(550)).toBe('5.5%');
    expect(formatRate(0)).toBe('0%');
  });

  it('says whether a price includes tax', () => {
    expect(taxNote(1900, true)).toBe('incl. 19% VAT');
    expect(taxNote(700, false)).toBe('plus 7% tax');
  });

  it('parses what an owner types', () => {
    expect(parseRate('19')).toBe(1900);
    expect(parseRate(' 5,5 % ')).toBe(550);
    expect(parseRate('0')).toBe(0);
    expect(parseRate('100')).toBe(10_000);
    expect(parseRate('101')).toBeNull();
    expect(parseRate('-1')).toBeNull();
    expect(parseRate('nineteen')).toBeNull();
    expect(parseRate('1.234')).toBeNull();
  });
});
