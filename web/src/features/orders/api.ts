/** Orders and payments of the signed-in customer. */
import {
  keepPreviousData,
  useMutation,
  useMutationState,
  useQuery,
  useQueryClient,
} from '@tanstack/react-query';
import { api } from '../../api/client';
import { unwrap } from '../../api/errors';
import type { Address, OrderStatus } from '../../api/types';
import { localDay } from '../../lib/date';
import { saveBlob } from '../../lib/download';
import { cartKey } from '../cart/api';

export const orderKeys = {
  all: ['orders'] as const,
  one: (id: string) => [...orderKeys.all, 'one', id] as const,
  byUser: (userId: string, page: number) => [...orderKeys.all, 'user', userId, page] as const,
  payments: (id: string) => [...orderKeys.all, 'payments', id] as const,
  admin: (filters: AdminOrderFilters) => [...orderKeys.all, 'admin', filters] as const,
};

export const ORDERS_PER_PAGE = 10;

export interface AdminOrderFilters {
  status: OrderStatus | '';
  /** An order number, or part of the customer's email or name. */
  q: string;
  /** Placed on or after this day (`YYYY-MM-DD`, the shop's time zone), or '' for no limit. */
  from: string;
  /** Placed on or before this day (included), or '' for no limit. */
  to: string;
  page: number;
}

/** The filters as the API's query (`GET /orders` and its CSV export): the set ones only. */
function adminOrderQuery({ status, q, from, to }: AdminOrderFilters) {
  return {
    ...(status ? { status } : {}),
    ...(q ? { q } : {}),
    ...(from ? { from } : {}),
    ...(to ? { to } : {}),
  };
}

/** An order's payments, newest first (declined attempts too). */
export function useOrderPayments(orderId: string, enabled = true) {
  return useQuery({
    queryKey: orderKeys.payments(orderId),
    queryFn: ({ signal }) =>
      unwrap(api.GET('/orders/{order_id}/payments', { params: { path: { order_id: orderId } }, signal })),
    enabled: enabled && orderId !== '',
  });
}

/** Admin: every customer's orders, newest first. */
export function useAllOrders(filters: AdminOrderFilters) {
  return useQuery({
    queryKey: orderKeys.admin(filters),
    queryFn: ({ signal }) =>
      unwrap(
        api.GET('/orders', {
          params: {
            query: { ...adminOrderQuery(filters), page: filters.page, per_page: ORDERS_PER_PAGE },
          },
          signal,
        }),
      ),
    placeholderData: keepPreviousData,
  });
}

/**
 * Admin: downloads every order the filters match (all pages) as `orders-<today>.csv`. Through
 * the app's client, so the request carries the admin's token and renews it when it expired.
 */
export function useExportOrders() {
  return useMutation({
    mutationFn: async (filters: AdminOrderFilters) => {
      const csv = await unwrap(
        api.GET('/orders/export', { params: { query: adminOrderQuery(filters) }, parseAs: 'blob' }),
      );
      saveBlob(csv, `orders-${localDay()}.csv`);
    },
  });
}

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
    mutationFn: ({
      address,
      deliveryMethodId,
      key,
    }: {
      address: ShippingAddress;
      deliveryMethodId: string | null;
      key: string;
    }) =>
      unwrap(
        api.POST('/orders', {
          body: {
            shipping_address: { ...address },
            ...(deliveryMethodId ? { delivery_method_id: deliveryMethodId } : {}),
          },
          headers: { 'Idempotency-Key': key },
        }),
      ),
    onSuccess: (order) => {
      client.setQueryData(orderKeys.one(order.id), order);
      void client.invalidateQueries({ queryKey: cartKey });
    },
  });
}

const payKey = ['pay'] as const;

interface PayVariables {
  orderId: string;
  method: string;
  key: string;
}

/** Pays an order with a provider token; `key` is the attempt's Idempotency-Key. */
export function usePay() {
  const client = useQueryClient();
  return useMutation({
    mutationKey: payKey,
    mutationFn: ({ orderId, method, key }: PayVariables) =>
      unwrap(
        api.POST('/payments', {
          body: { order_id: orderId, payment_method: method },
          headers: { 'Idempotency-Key': key },
        }),
      ),
    // After a payment the checkout goes on to the order page (with "placed=1"). Refetching the
    // order here, while the checkout still shows, would find it paid and make the checkout
    // redirect to the order page first, without the thank-you. So a success only marks the order
    // stale: the order page reads it afresh. A failure refetches it for the checkout.
    onSuccess: (_data, { orderId }) =>
      client.invalidateQueries({ queryKey: orderKeys.one(orderId), refetchType: 'none' }),
    onError: (_error, { orderId }) => client.invalidateQueries({ queryKey: orderKeys.one(orderId) }),
  });
}

/**
 * Whether this tab has tried to pay the order. The order can turn paid (its events are faster
 * than the payment's reply) while the checkout still shows; the checkout then goes on to the
 * order page as a fresh order, with the thank-you, and not as an old one.
 */
export function usePaidInThisTab(orderId: string): boolean {
  const attempts = useMutationState({
    filters: { mutationKey: payKey, predicate: ({ state }) => paysOrder(state.variables, orderId) },
    select: ({ state }) => state.status,
  });
  return attempts.length > 0;
}

function paysOrder(variables: unknown, orderId: string): boolean {
  return (
    typeof variables === 'object' &&
    variables !== null &&
    'orderId' in variables &&
    variables.orderId === orderId
  );
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
