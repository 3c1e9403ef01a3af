import { describe, expect, it } from 'vitest';
import type { Product } from '../../api/types';
import { productJsonLd } from './productJsonLd';

const padThai = {
  id: 'p1',
  slug: 'pad-thai',
  name: 'Pad Thai',
  description: 'Rice noodles, tamarind, peanuts',
  price: 1190,
  currency: 'EUR',
  tax_rate_bp: 1900,
  price_includes_tax: true,
  category: 'dishes',
  brand: null,
  attributes: {},
  images: [],
  rating: 4.5,
  review_count: 2,
  status: 'active',
  available: 3,
  created_at: '2026-01-01T00:00:00Z',
  updated_at: '2026-01-01T00:00:00Z',
} as Product;

describe('productJsonLd', () => {
  it('offers the price the shopper pays, in major units, and says it is in stock', () => {
    const data = productJsonLd(padThai, 'https://shop.example/p/pad-thai');
    expect(data).toMatchObject({
      '@type': 'Product',
      name: 'Pad Thai',
      offers: {
        price: '11.90',
        priceCurrency: 'EUR',
        availability: 'https://schema.org/InStock',
        url: 'https://shop.example/p/pad-thai',
      },
      aggregateRating: { ratingValue: 4.5, reviewCount: 2 },
    });
    expect(data).not.toHaveProperty('image');
  });

  it('says when it is sold out', () => {
    const data = productJsonLd(
      { ...padThai, available: 0, stock: { product_id: 'p1', available: 0, reserved: 0 } },
      'x',
    );
    expect(data.offers).toMatchObject({ availability: 'https://schema.org/OutOfStock' });
  });
});
