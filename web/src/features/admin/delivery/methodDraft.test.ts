import { describe, expect, it } from 'vitest';
import { parseDraft } from './methodDraft';

describe('delivery method drafts', () => {
  it('turns typed amounts into minor units, and an empty threshold into none', () => {
    expect(parseDraft({ name: ' Express ', description: '', price: '9,90', freeAbove: '' }, 'EUR')).toEqual({
      input: { name: 'Express', description: '', price: 990, free_above: null },
      problems: null,
    });
    expect(
      parseDraft({ name: 'Standard', description: 'Two days', price: '4.90', freeAbove: '50' }, 'EUR').input,
    ).toMatchObject({ price: 490, free_above: 5000 });
  });

  it('names what is wrong', () => {
    expect(
      parseDraft({ name: '', description: '', price: 'cheap', freeAbove: 'lots' }, 'EUR').problems,
    ).toEqual({
      name: 'Give the method a name',
      price: 'A price such as 4.90 (0 for free)',
      freeAbove: 'An amount such as 50.00, or empty',
    });
  });
});
