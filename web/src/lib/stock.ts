/** How much of a product is left, in words. */
export const LOW_STOCK = 5;

export type StockState = 'in_stock' | 'low' | 'out' | 'unknown';

export function stockState(available: number | null | undefined): StockState {
  if (available === null || available === undefined) return 'unknown';
  if (available <= 0) return 'out';
  if (available <= LOW_STOCK) return 'low';
  return 'in_stock';
}

/** Whether a product card mentions stock: only when it is low or gone (plenty goes unsaid). */
export function stockWorthMentioning(available: number | null | undefined): boolean {
  const state = stockState(available);
  return state === 'low' || state === 'out';
}

export function stockLabel(available: number | null | undefined): string {
  switch (stockState(available)) {
    case 'out':
      return 'Out of stock';
    case 'low':
      return `Only ${available} left`;
    case 'in_stock':
      return 'In stock';
    default:
      return 'Availability unknown';
  }
}
