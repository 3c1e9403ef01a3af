/**
 * Live order status from `GET /orders/{id}/events` (SSE, through the API client so the bearer
 * token and its refresh apply). The first event is the current status; the stream ends at
 * `shipped` or `cancelled`. A dropped connection is reopened with a growing delay.
 */
import { useEffect, useState } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/client';
import { readEventStream } from '../../lib/sse';
import { isFinalStatus, isOrderStatus } from '../../lib/orderStatus';
import { orderKeys } from './api';
import type { Order, OrderStatus } from '../../api/types';

export interface StatusEvent {
  order_id: string;
  status: OrderStatus;
  at: string | null;
  reason: string | null;
}

function parseStatus(data: string): StatusEvent | null {
  try {
    const value: unknown = JSON.parse(data);
    if (typeof value !== 'object' || value === null) return null;
    const v = value as Record<string, unknown>;
    if (!isOrderStatus(v.status)) return null;
    return {
      order_id: typeof v.order_id === 'string' ? v.order_id : '',
      status: v.status,
      at: typeof v.at === 'string' ? v.at : null,
      reason: typeof v.reason === 'string' ? v.reason : null,
    };
  } catch {
    return null;
  }
}

export function useOrderEvents(orderId: string, enabled: boolean): StatusEvent | null {
  const [latest, setLatest] = useState<StatusEvent | null>(null);
  const client = useQueryClient();

  useEffect(() => {
    if (!enabled) return;
    const controller = new AbortController();
    let finished = false;
    let attempt = 0;

    async function connect() {
      while (!finished && !controller.signal.aborted) {
        try {
          const { data, response } = await api.GET('/orders/{order_id}/events', {
            params: { path: { order_id: orderId } },
            parseAs: 'stream',
            headers: { Accept: 'text/event-stream' },
            signal: controller.signal,
          });
          if (!response.ok || !data) {
            // 404 or 401: nothing to follow.
            if (response.status < 500) return;
          } else {
            attempt = 0;
            await readEventStream(data, (event) => {
              if (event.event !== 'status') return;
              const status = parseStatus(event.data);
              if (!status) return;
              setLatest(status);
              // The cached order takes the new status at once (unless it already knows a later
              // change, e.g. from the cancel button); its history follows with the refetch.
              client.setQueryData<Order>(orderKeys.one(orderId), (order) => {
                if (!order) return order;
                const last = order.history.at(-1)?.at;
                if (status.at && last && Date.parse(status.at) < Date.parse(last)) return order;
                return { ...order, status: status.status };
              });
              void client.invalidateQueries({ queryKey: orderKeys.one(orderId) });
              void client.invalidateQueries({ queryKey: orderKeys.payments(orderId) });
              if (isFinalStatus(status.status)) finished = true;
            });
          }
        } catch {
          if (controller.signal.aborted) return;
        }
        if (finished) return;
        attempt += 1;
        await new Promise((resolve) => setTimeout(resolve, Math.min(30_000, 1000 * 2 ** attempt)));
      }
    }

    void connect();
    return () => controller.abort();
  }, [orderId, enabled, client]);

  return latest;
}
