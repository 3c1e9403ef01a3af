/** What the admin's first page reads: the sales overview and the products running low. */
import { useQuery } from '@tanstack/react-query';
import { api } from '../../../api/client';
import { unwrap } from '../../../api/errors';
import { LOW_STOCK } from '../../../lib/stock';
import { catalogKeys } from '../../catalog/api';
import { orderKeys } from '../../orders/api';

export function useSalesOverview() {
  return useQuery({
    queryKey: [...orderKeys.all, 'overview'],
    queryFn: ({ signal }) => unwrap(api.GET('/sales/overview', { signal })),
    // Orders arrive all day: an open overview stays current.
    refetchInterval: 60_000,
  });
}

/** Active products with `LOW_STOCK` units or fewer, as the catalog last heard. */
export function useLowStock() {
  return useQuery({
    queryKey: [...catalogKeys.all, 'low-stock'],
    queryFn: ({ signal }) =>
      unwrap(
        api.GET('/products', {
          params: { query: { max_available: LOW_STOCK, sort: 'name', per_page: 10 } },
          signal,
        }),
      ),
  });
}
