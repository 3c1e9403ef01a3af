import type { Order } from '../api/types';

/** What people see for an order: its short number (e.g. "MK-10042"), never the UUID. */
export function orderLabel(order: Pick<Order, 'number'>): string {
  return order.number;
}
