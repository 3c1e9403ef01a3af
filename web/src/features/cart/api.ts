/**
 * The basket: a visitor's (through the HttpOnly `mk_cart` cookie the edge sets) or the
 * signed-in user's. Every change answers with the whole cart, priced now, which replaces the
 * cached one.
 */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/client';
import { unwrap } from '../../api/errors';
import type { Cart } from '../../api/types';

export const cartKey = ['cart'] as const;

export function useCart() {
  return useQuery({
    queryKey: cartKey,
    queryFn: ({ signal }) => unwrap(api.GET('/cart', { signal })),
  });
}

function useCartMutation<T>(change: (input: T) => Promise<Cart>) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: change,
    onSuccess: (cart) => client.setQueryData(cartKey, cart),
  });
}

export function useAddToCart() {
  return useCartMutation((item: { product_id: string; quantity: number }) =>
    unwrap(api.POST('/cart/add', { body: item })),
  );
}

export function useSetQuantity() {
  return useCartMutation(({ itemId, quantity }: { itemId: string; quantity: number }) =>
    unwrap(api.PATCH('/cart/items/{item_id}', { params: { path: { item_id: itemId } }, body: { quantity } })),
  );
}

export function useRemoveLine() {
  return useCartMutation((itemId: string) =>
    unwrap(api.DELETE('/cart/remove/{item_id}', { params: { path: { item_id: itemId } } })),
  );
}
