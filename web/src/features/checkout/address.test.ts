import { describe, expect, it } from 'vitest';
import { toShipping } from './address';

describe('toShipping', () => {
  it('leaves out an empty second line and trims the rest', () => {
    expect(
      toShipping({
        name: ' Ada ',
        line1: '12 St James Sq ',
        line2: ' ',
        city: 'London',
        postal_code: 'SW1Y 4JH',
        country: 'GB',
      }),
    ).toEqual({
      name: 'Ada',
      line1: '12 St James Sq',
      city: 'London',
      postal_code: 'SW1Y 4JH',
      country: 'GB',
    });
  });
});
