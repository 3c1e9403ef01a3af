import { describe, expect, it } from 'vitest';
import { formatMoney, minorDigits, parseMoney, toMajorString } from './money';

describe('formatMoney', () => {
  it('formats euro cents as euros', () => {
    expect(formatMoney(1190, 'EUR')).toBe('€11.90');
  });

  it('keeps zero minor digits for yen', () => {
    expect(minorDigits('JPY')).toBe(0);
    expect(formatMoney(1190, 'JPY')).toBe('JP¥1,190');
  });

  it('uses three minor digits for dinar', () => {
    expect(minorDigits('KWD')).toBe(3);
    expect(formatMoney(1500, 'KWD', 'en-US')).toMatch(/^KWD\s1\.500$/);
  });

  it('follows the locale', () => {
    expect(formatMoney(123456, 'EUR', 'de-DE')).toBe('1.234,56\u00a0€');
  });

  it('formats zero and negative amounts', () => {
    expect(formatMoney(0, 'EUR')).toBe('€0.00');
    expect(formatMoney(-500, 'EUR')).toBe('-€5.00');
  });
});

describe('parseMoney', () => {
  it('turns major units into minor units', () => {
    expect(parseMoney('11.90', 'EUR')).toBe(1190);
    expect(parseMoney('11,9', 'EUR')).toBe(1190);
    expect(parseMoney('1190', 'JPY')).toBe(1190);
  });

  it('refuses what is not an amount', () => {
    expect(parseMoney('', 'EUR')).toBeNull();
    expect(parseMoney('abc', 'EUR')).toBeNull();
    expect(parseMoney('-3', 'EUR')).toBeNull();
  });

  it('round-trips through toMajorString', () => {
    expect(toMajorString(1190, 'EUR')).toBe('11.90');
    expect(parseMoney(toMajorString(1190, 'EUR'), 'EUR')).toBe(1190);
  });
});
