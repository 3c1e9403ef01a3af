import { describe, expect, it } from 'vitest';
import type { Product } from '../../api/types';
import { bestRated } from './featured';

function product(name: string, category: string, rating: number | null, reviews = 0): Product {
  return {
    id: name,
    slug: name,
    name,
    description: '',
    price: 100,
    currency: 'EUR',
    tax_rate_bp: 1900,
    price_includes_tax: true,
    category,
    attributes: {},
    images: [],
    rating,
    review_count: reviews,
    created_at: '2026-01-01T00:00:00Z',
    updated_at: '2026-01-01T00:00:00Z',
  } as Product;
}

describe('bestRated', () => {
  it('puts the best rated first', () => {
    const picks = bestRated(
      [product('a', 'x', 3, 2), product('b', 'x', 5, 1), product('c', 'y', 4, 8), product('d', 'y', null)],
      3,
    );
    expect(picks.map((p) => p.name)).toEqual(['b', 'c', 'a']);
  });

  it('mixes categories when nothing is rated', () => {
    const picks = bestRated(
      [product('a', 'x', null), product('b', 'x', null), product('c', 'y', null), product('d', 'z', null)],
      3,
    );
    expect(picks.map((p) => p.name)).toEqual(['a', 'c', 'd']);
  });
});
