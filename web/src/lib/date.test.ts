import { describe, expect, it } from 'vitest';
import { formatDate, formatDateTime } from './date';

describe('dates', () => {
  it('formats a day', () => {
    // Midday UTC is the same calendar day in every time zone from UTC-11 to UTC+11.
    expect(formatDate('2026-12-01T12:00:00Z')).toBe('1 Dec 2026');
  });

  it('formats a day with its time', () => {
    expect(formatDateTime('2026-12-01T12:00:00Z')).toMatch(/^1 Dec 2026,? \d{2}:\d{2}$/);
  });
});
