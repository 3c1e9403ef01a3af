import { describe, expect, it } from 'vitest';
import { safeNext } from './safeNext';

describe('safeNext', () => {
  it('keeps app paths', () => {
    expect(safeNext('/checkout')).toBe('/checkout');
  });

  it('refuses other sites', () => {
    expect(safeNext('https://evil.example')).toBe('/account');
    expect(safeNext('//evil.example')).toBe('/account');
    expect(safeNext(null, '/')).toBe('/');
  });
});
