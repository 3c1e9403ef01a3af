import { describe, expect, it } from 'vitest';
import { formatDate, formatDateTime, isDay, localDay } from './date';

describe('dates', () => {
  it('formats a day', () => {
    // Midday UTC is the same calendar day in every time zone from UTC-11 to UTC+11.
    expect(formatDate('2026-12-01T12:00:00Z')).toBe('1 Dec 2026');
  });

  it('formats a day with its time', () => {
    expect(formatDateTime('2026-12-01T12:00:00Z')).toMatch(/^1 Dec 2026,? \d{2}:\d{2}$/);
  });
});

describe('isDay', () => {
  it('takes the days a date input gives', () => {
    expect(isDay('2026-12-01')).toBe(true);
    expect(isDay('2028-02-29')).toBe(true);
  });

  it('refuses anything else', () => {
    for (const value of ['', '2026-12-1', '01/12/2026', '2026-13-01', '2026-02-30', '2027-02-29', null]) {
      expect(isDay(value), String(value)).toBe(false);
    }
  });
});

describe('localDay', () => {
  it('writes the local calendar day with leading zeros', () => {
    expect(localDay(new Date(2026, 0, 5, 23, 59))).toBe('2026-01-05');
    expect(localDay(new Date(2026, 11, 31, 0, 0))).toBe('2026-12-31');
  });
});
