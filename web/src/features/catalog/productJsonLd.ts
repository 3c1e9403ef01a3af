import type { Product } from '../../api/types';
import { minorDigits } from '../../lib/money';

/**
 * The product as schema.org `Product` structured data (JSON-LD), so search engines can show
 * its price and whether it is in stock. The price is the one the shopper pays (with VAT where
 * the shop's prices include it), in major units as schema.org wants ("11.90").
 */
export function productJsonLd(product: Product, pageUrl: string): Record<string, unknown> {
  const digits = minorDigits(product.currency);
  const available = product.stock?.available ?? product.available;
  return {
    '@context': 'https://schema.org',
    '@type': 'Product',
    name: product.name,
    description: product.description,
    sku: product.id,
    ...(product.brand ? { brand: { '@type': 'Brand', name: product.brand } } : {}),
    ...(product.images.length > 0 ? { image: product.images } : {}),
    ...(product.rating != null && product.review_count > 0
      ? {
          aggregateRating: {
            '@type': 'AggregateRating',
            ratingValue: product.rating,
            reviewCount: product.review_count,
          },
        }
      : {}),
    offers: {
      '@type': 'Offer',
      url: pageUrl,
      price: (product.price / 10 ** digits).toFixed(digits),
      priceCurrency: product.currency,
      availability:
        available == null
          ? undefined
          : available > 0
            ? 'https://schema.org/InStock'
            : 'https://schema.org/OutOfStock',
    },
  };
}
