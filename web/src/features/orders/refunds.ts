import type { Payment } from '../../api/types';

/** Money that went back on an order, as both its customer and the owner read it. */
export interface RefundSummary {
  currency: string;
  /** What was captured. */
  paid: number;
  /** What went back, in all. */
  refunded: number;
  /** What the shop kept: `paid - refunded`. */
  kept: number;
  /** Each refund, oldest first. */
  refunds: { amount: number; at: string }[];
}

/** The refunds of an order's captured payment; null while nothing went back. */
export function refundSummary(payments: Payment[]): RefundSummary | null {
  const captured = payments.find(
    (p) => p.status === 'succeeded' || p.status === 'partially_refunded' || p.status === 'refunded',
  );
  if (!captured || captured.refunded_amount <= 0) return null;
  return {
    currency: captured.currency,
    paid: captured.amount,
    refunded: captured.refunded_amount,
    kept: captured.amount - captured.refunded_amount,
    refunds: [...captured.refunds]
      .sort((a, b) => a.created_at.localeCompare(b.created_at))
      .map((r) => ({ amount: r.amount, at: r.created_at })),
  };
}
