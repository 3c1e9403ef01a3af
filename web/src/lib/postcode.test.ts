import { describe, expect, it } from 'vitest';
import { postcodeProblem } from './postcode';

describe('postcodeProblem', () => {
  it('takes the shapes of the countries delivered to', () => {
    for (const [country, code] of [
      ['DE', '10115'],
      ['AT', '1010'],
      ['NL', '1012 AB'],
      ['PL', '00-950'],
      ['GB', 'SW1Y 4JH'],
      ['GB', 'M1 1AE'],
      ['GB', 'sw1y4jh'],
      ['US', '94105-1234'],
    ] as const) {
      expect(postcodeProblem(country, code), `${country} ${code}`).toBeNull();
    }
  });

  it('says what a German postcode looks like when given letters', () => {
    expect(postcodeProblem('DE', 'ABCDE')).toBe('Enter a postcode like 12345.');
    expect(postcodeProblem('NL', 'AB 1012')).toBe('Enter a postcode like 1234 AB.');
    expect(postcodeProblem('GB', '12345')).toBe('Enter a UK postcode, e.g. SW1A 1AA.');
    expect(postcodeProblem('DE', '')).toBe('Enter the postcode.');
  });
});
