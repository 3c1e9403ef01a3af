import type { Product } from '../../api/types';

/**
 * The best rated products (more reviews break ties). Unrated products follow, taken one per
 * category in turn, so a catalog without reviews still shows a varied row.
 */
export function bestRated(products: Product[], count: number): Product[] {
  const rated = products
    .filter((p) => p.review_count > 0 && p.rating !== null && p.rating !== undefined)
    .sort((a, b) => (b.rating ?? 0) - (a.rating ?? 0) || b.review_count - a.review_count);
  const byCategory = new Map<string, Product[]>();
  products
    .filter((p) => !rated.includes(p))
    .forEach((p) => byCategory.set(p.category, [...(byCategory.get(p.category) ?? []), p]));
  const rest: Product[] = [];
  const queues = [...byCategory.values()];
  while (rest.length + rated.length < count && queues.some((q) => q.length > 0)) {
    for (const queue of queues) {
      const next = queue.shift();
      if (next) rest.push(next);
    }
  }
  return [...rated, ...rest].slice(0, count);
}
