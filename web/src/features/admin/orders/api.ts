/** Admin work on orders: moving a paid order on, refunds. */
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../api/client';
import { unwrap } from '../../../api/errors';
import { orderKeys } from '../../orders/api';

export function useSetOrderStatus(orderId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (status: 'fulfilled' | 'shipped') =>
      unwrap(
        api.POST('/orders/{order_id}/status', { params: { path: { order_id: orderId } }, body: { status } }),
      ),
    onSuccess: (order) => {
      client.setQueryData(orderKeys.one(order.id), order);
      void client.invalidateQueries({ queryKey: orderKeys.all });
    },
  });
}

export function useRefund(orderId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ transactionId, amount }: { transactionId: string; amount: number | null }) =>
      unwrap(
        api.POST('/payments/{transaction_id}/refund', {
          params: { path: { transaction_id: transactionId } },
          body: amount === null ? {} : { amount },
        }),
      ),
    onSuccess: () => client.invalidateQueries({ queryKey: orderKeys.payments(orderId) }),
  });
}
