/**
 * What people see for an order: its short `number` (e.g. "MK-10042") when the API sends one,
 * else a shortened id. The one place to change when every order has a number.
 */
export function orderLabel(order: { id: string; number?: string | null }): string {
  if (order.number) return order.number;
  return `#${order.id.slice(0, 8).toUpperCase()}`;
}
