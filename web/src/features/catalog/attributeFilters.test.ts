import { describe, expect, it } from 'vitest';
import { attributeFilters } from './attributeFilters';

describe('attributeFilters', () => {
  it('offers yes/no attributes as one choice and shared words as several', () => {
    const filters = attributeFilters([
      {
        name: 'pieces',
        values: [
          { value: '10', count: 1 },
          { value: '6', count: 1 },
        ],
      },
      {
        name: 'size',
        values: [
          { value: '400 ml', count: 1 },
          { value: 'regular', count: 1 },
        ],
      },
      {
        name: 'spice',
        values: [
          { value: 'mild', count: 9 },
          { value: 'hot', count: 6 },
        ],
      },
      { name: 'vegan', values: [{ value: 'true', count: 4 }] },
      { name: 'gluten_free', values: [{ value: 'false', count: 3 }] },
      {
        name: 'weight_g',
        values: [
          { value: '1000', count: 2 },
          { value: '50', count: 2 },
        ],
      },
    ]);
    expect(filters).toEqual([
      {
        name: 'spice',
        label: 'Spice level',
        options: [
          { value: 'mild', label: 'Mild' },
          { value: 'hot', label: 'Hot' },
        ],
      },
      { name: 'vegan', label: 'Vegan', options: [{ value: 'true', label: 'Vegan only' }] },
    ]);
  });
});

describe('scales', () => {
  it('offers spice levels mild to hot, whatever order the catalog counts them in', () => {
    const [spice] = attributeFilters([
      {
        name: 'spice',
        values: [
          { value: 'mild', count: 9 },
          { value: 'hot', count: 6 },
          { value: 'medium', count: 3 },
        ],
      },
    ]);
    expect(spice?.options.map((o) => o.label)).toEqual(['Mild', 'Medium', 'Hot']);
  });
});
