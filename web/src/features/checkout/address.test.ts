import { describe, expect, it } from 'vitest';
import type { Address } from '../../api/types';
import { MAX_SAVED_ADDRESSES, toShipping, withLastUsed } from './address';

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

const home: Address = {
  label: 'Home',
  line1: 'Main St 1',
  line2: null,
  city: 'Berlin',
  postal_code: '10115',
  country: 'DE',
};
const work: Address = { ...home, label: 'Work', line1: 'Office Rd 9' };
const shipping = (a: Address) => toShipping({ ...a, name: 'Ada', line2: a.line2 ?? '' });

describe('withLastUsed', () => {
  it('changes nothing when the first saved address was used', () => {
    expect(withLastUsed([home, work], shipping(home), true)).toBeNull();
  });

  it('moves a saved address that was used to the front, keeping its label', () => {
    expect(withLastUsed([home, work], shipping(work), true)).toEqual([work, home]);
  });

  it('adds a new address in front when asked, and not otherwise', () => {
    const fresh = { ...home, label: null, line1: 'New Way 3', line2: 'Flat 2' };
    expect(withLastUsed([home], shipping(fresh), true)).toEqual([fresh, home]);
    expect(withLastUsed([home], shipping(fresh), false)).toBeNull();
  });

  it('keeps a full address book at its limit, dropping the oldest entry', () => {
    const full = Array.from({ length: MAX_SAVED_ADDRESSES }, (_, i) => ({ ...home, line1: `Street ${i}` }));
    const next = withLastUsed(full, shipping({ ...home, line1: 'Elsewhere 1' }), true);
    expect(next).toHaveLength(MAX_SAVED_ADDRESSES);
    expect(next?.[0]?.line1).toBe('Elsewhere 1');
    expect(next?.at(-1)?.line1).toBe(`Street ${MAX_SAVED_ADDRESSES - 2}`);
  });
});
