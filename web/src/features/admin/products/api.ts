/** Admin writes to the catalog and the stock. */
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../api/client';
import { unwrap } from '../../../api/errors';
import type { CategoryPatch, ProductInput, ProductStatus } from '../../../api/types';
import { catalogKeys } from '../../catalog/api';

export const ADMIN_PER_PAGE = 20;

export const inventoryKey = (productId: string) => ['inventory', productId] as const;

/** Which products the table holds: every status, or one. */
export type AdminStatusFilter = ProductStatus | 'any';

/** The products table: a search when there is a query, else all by name; drafts and archived
 * products too (the owner's token lets the catalog show them). */
export function useAdminProducts(q: string, page: number, status: AdminStatusFilter = 'any') {
  return useQuery({
    queryKey: [...catalogKeys.all, 'admin', q, page, status],
    queryFn: ({ signal }) => {
      const query = { page, per_page: ADMIN_PER_PAGE, status };
      return q
        ? unwrap(api.GET('/products/search', { params: { query: { ...query, query: q } }, signal }))
        : unwrap(api.GET('/products', { params: { query: { ...query, sort: 'name' } }, signal }));
    },
    placeholderData: keepPreviousData,
  });
}

export function useStock(productId: string) {
  return useQuery({
    queryKey: inventoryKey(productId),
    queryFn: ({ signal }) =>
      unwrap(api.GET('/inventory/{product_id}', { params: { path: { product_id: productId } }, signal })),
  });
}

export function useSetStock(productId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (set: number) =>
      unwrap(api.POST('/inventory/update', { body: { product_id: productId, set } })),
    onSuccess: (level) => {
      client.setQueryData(inventoryKey(productId), level);
      void client.invalidateQueries({ queryKey: catalogKeys.all });
    },
  });
}

export function useCreateProduct() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: ProductInput) => unwrap(api.POST('/products', { body: input })),
    onSuccess: () => client.invalidateQueries({ queryKey: catalogKeys.all }),
  });
}

export function useReplaceProduct(id: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: ProductInput) =>
      unwrap(api.PUT('/products/{id}', { params: { path: { id } }, body: input })),
    onSuccess: () => client.invalidateQueries({ queryKey: catalogKeys.all }),
  });
}

export function useDeleteProduct() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => unwrap(api.DELETE('/products/{id}', { params: { path: { id } } })),
    // Mark stale without refetching now: the page showing the product is about to be left,
    // and refetching it would replace that page with "not found" first.
    onSuccess: () => client.invalidateQueries({ queryKey: catalogKeys.all, refetchType: 'none' }),
  });
}

/** Renames a category or sets its tax rate: every product's price and tax shown may change. */
export function useUpdateCategory() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ slug, patch }: { slug: string; patch: CategoryPatch }) =>
      unwrap(api.PATCH('/categories/{slug}', { params: { path: { slug } }, body: patch })),
    onSuccess: () => client.invalidateQueries({ queryKey: catalogKeys.all }),
  });
}

/** Removes a category nothing uses (the API refuses one with products or sub-categories). */
export function useDeleteCategory() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (slug: string) => unwrap(api.DELETE('/categories/{slug}', { params: { path: { slug } } })),
    onSuccess: () => client.invalidateQueries({ queryKey: catalogKeys.all }),
  });
}

export function useCreateCategory() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: { slug: string; name: string; parent: string | null }) =>
      unwrap(api.POST('/categories', { body: input })),
    onSuccess: () => client.invalidateQueries({ queryKey: catalogKeys.categories() }),
  });
}
