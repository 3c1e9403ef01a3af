/** Catalog reads and review writes, as TanStack Query hooks. */
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/client';
import { unwrap } from '../../api/errors';
import type { Category } from '../../api/types';
import { attributeFilters } from './attributeFilters';
import { toApiQuery, type ShopFilters } from './shopParams';

export const catalogKeys = {
  all: ['catalog'] as const,
  categories: () => [...catalogKeys.all, 'categories'] as const,
  pricing: () => [...catalogKeys.all, 'pricing'] as const,
  attributes: () => [...catalogKeys.all, 'attributes'] as const,
  list: (filters: ShopFilters) => [...catalogKeys.all, 'list', filters] as const,
  top: (sort: string, perPage: number) => [...catalogKeys.all, 'top', sort, perPage] as const,
  suggestions: (q: string) => [...catalogKeys.all, 'suggest', q] as const,
  product: (slug: string) => [...catalogKeys.all, 'product', slug] as const,
  reviews: (id: string, page: number) => [...catalogKeys.all, 'reviews', id, page] as const,
};

export function useCategories() {
  return useQuery({
    queryKey: catalogKeys.categories(),
    queryFn: () => unwrap(api.GET('/categories')),
    staleTime: 5 * 60_000,
  });
}

/** How the shop prices (`GET /pricing`): its one currency, and whether prices include tax. */
export function usePricing() {
  return useQuery({
    queryKey: catalogKeys.pricing(),
    queryFn: () => unwrap(api.GET('/pricing')),
    // Settings of the running shop: they change with a deployment, not while a page is open.
    staleTime: Infinity,
  });
}

/** The shop's currency; euros until the shop has said (the demo shop's). */
export function useShopCurrency(): string {
  return usePricing().data?.currency ?? 'EUR';
}

/** The filters the catalog's attributes make (`GET /attributes`). */
export function useAttributeFilters() {
  return useQuery({
    queryKey: catalogKeys.attributes(),
    queryFn: async () => attributeFilters((await unwrap(api.GET('/attributes'))).items),
    staleTime: 5 * 60_000,
  });
}

/** The listing or, with a query, the ranked search results. */
export function useProductList(filters: ShopFilters) {
  return useQuery({
    queryKey: catalogKeys.list(filters),
    queryFn: ({ signal }) => {
      const query = toApiQuery(filters);
      return filters.q
        ? unwrap(api.GET('/products/search', { params: { query }, signal }))
        : unwrap(api.GET('/products', { params: { query }, signal }));
    },
    placeholderData: keepPreviousData,
  });
}

/** A first page of products in one order (home page rows). */
export function useTopProducts(sort: 'newest' | 'name', perPage: number) {
  return useQuery({
    queryKey: catalogKeys.top(sort, perPage),
    queryFn: ({ signal }) =>
      unwrap(api.GET('/products', { params: { query: { sort, per_page: perPage } }, signal })),
  });
}

/** Search-as-you-type suggestions (the caller debounces `q`). */
export function useSuggestions(q: string) {
  const query = q.trim();
  return useQuery({
    queryKey: catalogKeys.suggestions(query),
    queryFn: ({ signal }) =>
      unwrap(api.GET('/products/search', { params: { query: { query, per_page: 6 } }, signal })),
    enabled: query.length >= 2,
    staleTime: 60_000,
  });
}

export function useProduct(slug: string) {
  return useQuery({
    queryKey: catalogKeys.product(slug),
    queryFn: ({ signal }) => unwrap(api.GET('/products/{id}', { params: { path: { id: slug } }, signal })),
  });
}

export function useReviews(productId: string | undefined, page: number) {
  return useQuery({
    queryKey: catalogKeys.reviews(productId ?? '', page),
    queryFn: ({ signal }) =>
      unwrap(
        api.GET('/products/{id}/reviews', {
          params: { path: { id: productId ?? '' }, query: { page, per_page: 5 } },
          signal,
        }),
      ),
    enabled: productId !== undefined,
    placeholderData: keepPreviousData,
  });
}

export function useAddReview(productId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (review: { rating: number; text: string }) =>
      unwrap(api.POST('/products/{id}/reviews', { params: { path: { id: productId } }, body: review })),
    onSuccess: () => client.invalidateQueries({ queryKey: catalogKeys.all }),
  });
}

/** Removes a review (the shop's admins, or its author); the product's rating follows. */
export function useRemoveReview(productId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (reviewId: string) =>
      unwrap(
        api.DELETE('/products/{id}/reviews/{review_id}', {
          params: { path: { id: productId, review_id: reviewId } },
        }),
      ),
    onSuccess: () => client.invalidateQueries({ queryKey: catalogKeys.all }),
  });
}

/** A category and where it sits, found in the tree by slug. */
export function findCategory(
  tree: Category[] | undefined,
  slug: string,
  parent: Category | null = null,
): { category: Category; parent: Category | null } | null {
  for (const category of tree ?? []) {
    if (category.slug === slug) return { category, parent };
    const found = findCategory(category.children, slug, category);
    if (found) return found;
  }
  return null;
}
