/** Orders and payments of the signed-in customer. */
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/client';
import { unwrap } from '../../api/errors';
import type { Address } from '../../api/types';
import { cartKey } from '../cart/api';

export const orderKeys = {
  all: ['orders'] as const,
  one: (id: string) => [...orderKeys.all, 'one', id] as const,
  byUser: (userId: string, page: number) => [...orderKeys.all, 'user', userId, page] as const,
};

export const ORDERS_PER_PAGE = 10;

function orderQuery(orderId: string) {
  return {
    queryKey: orderKeys.one(orderId),
    queryFn: ({ signal }: { signal: AbortSignal }) =>
      unwrap(api.GET('/orders/{order_id}', { params: { path: { order_id: orderId } }, signal })),
  };
}

export function useOrder(orderId: string, enabled = true) {
  return useQuery({ ...orderQuery(orderId), enabled: enabled && orderId !== '' });
}

/** Reads an order afresh (e.g. after a failed payment, to see whether it is still payable). */
export function useFetchOrder() {
  const client = useQueryClient();
  return (orderId: string) => client.fetchQuery({ ...orderQuery(orderId), staleTime: 0 });
}

export function useUserOrders(userId: string | null, page: number) {
  return useQuery({
    queryKey: orderKeys.byUser(userId ?? '', page),
    queryFn: ({ signal }) =>
      unwrap(
        api.GET('/orders/user/{user_id}', {
          params: { path: { user_id: userId ?? '' }, query: { page, per_page: ORDERS_PER_PAGE } },
          signal,
        }),
      ),
    enabled: userId !== null,
    placeholderData: keepPreviousData,
  });
}

/** The address as the order keeps it (free-form JSON on the order). */
export interface ShippingAddress extends Omit<Address, 'label'> {
  name: string;
}

/** Places the cart as an order; `key` is the attempt's Idempotency-Key. */
export function usePlaceOrder() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ address, key }: { address: ShippingAddress; key: string }) =>
      unwrap(
        api.POST('/orders', {
          body: { shipping_address: { ...address } },
          headers: { 'Idempotency-Key': key },
        }),
      ),
    onSuccess: (order) => {
      client.setQueryData(orderKeys.one(order.id), order);
      void client.invalidateQueries({ queryKey: cartKey });
    },
  });
}

/** Pays an order with a provider token; `key` is the attempt's Idempotency-Key. */
export function usePay() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ orderId, method, key }: { orderId: string; method: string; key: string }) =>
      unwrap(
        api.POST('/payments', {
          body: { order_id: orderId, payment_method: method },
          headers: { 'Idempotency-Key': key },
        }),
      ),
    onSettled: (_data, _error, { orderId }) => client.invalidateQueries({ queryKey: orderKeys.one(orderId) }),
  });
}

export function useCancelOrder(orderId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: () =>
      unwrap(api.POST('/orders/{order_id}/cancel', { params: { path: { order_id: orderId } } })),
    onSuccess: (order) => {
      client.setQueryData(orderKeys.one(order.id), order);
      void client.invalidateQueries({ queryKey: orderKeys.all });
    },
  });
}
