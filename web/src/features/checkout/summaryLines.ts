/** The lines of the checkout summary, from the basket before the order exists, then from the order. */
import type { Cart, Order } from '../../api/types';

export interface SummaryLine {
  key: string;
  name: string;
  quantity: number;
  line_total: number;
}

export function orderLines(order: Order): SummaryLine[] {
  return order.items.map((i) => ({
    key: i.product_id,
    name: i.name,
    quantity: i.quantity,
    line_total: i.line_total,
  }));
}

export function cartLines(cart: Cart): SummaryLine[] {
  return cart.items.map((i) => ({
    key: i.item_id,
    name: i.name,
    quantity: i.quantity,
    line_total: i.line_total,
  }));
}
