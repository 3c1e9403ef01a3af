/**
 * Delivery in money, as the order service computes it (schemas/src/tax.rs, `with_delivery`):
 * a method's price as listed, free from its threshold of goods as listed, taxed like a line at
 * the shop's standard rate, rounded half away from zero. The checkout shows what the order
 * will cost before it is placed; the placed order's own totals then replace this preview.
 */
import type { DeliveryMethod, Totals } from '../api/types';

/** `numerator / denominator` rounded half away from zero (amounts are whole minor units). */
function divideRounded(numerator: number, denominator: number): number {
  const quotient = Math.trunc(numerator / denominator);
  const remainder = numerator - quotient * denominator;
  return Math.abs(remainder) * 2 >= denominator ? quotient + Math.sign(numerator) : quotient;
}

/** The tax in (prices including tax) or on (excluding) an amount. */
export function taxOf(amount: number, rateBp: number, included: boolean): number {
  return included ? divideRounded(amount * rateBp, 10_000 + rateBp) : divideRounded(amount * rateBp, 10_000);
}

/** What the goods cost as listed (with tax when the shop's prices include it). */
export function goodsAsListed(totals: Totals): number {
  return totals.prices_include_tax ? totals.subtotal + totals.tax - totals.delivery_tax : totals.subtotal;
}

/** What a method costs for these goods: its price, or nothing from its threshold on. */
export function deliveryPrice(method: DeliveryMethod, goods: number): number {
  return method.free_above != null && goods >= method.free_above ? 0 : method.price;
}

/** The goods' totals (a basket's) with delivery at `price` (as listed) added. */
export function withDelivery(totals: Totals, price: number, rateBp: number): Totals {
  const tax = taxOf(price, rateBp, totals.prices_include_tax);
  const net = totals.prices_include_tax ? price - tax : price;
  const lines = [...(totals.tax_lines ?? [])];
  if (price !== 0) {
    const at = lines.findIndex((l) => l.rate_bp === rateBp);
    if (at >= 0) lines[at] = { rate_bp: rateBp, tax: (lines[at]?.tax ?? 0) + tax };
    else lines.push({ rate_bp: rateBp, tax });
    lines.sort((a, b) => a.rate_bp - b.rate_bp);
  }
  return {
    ...totals,
    delivery: net,
    delivery_tax: tax,
    tax: totals.tax + tax,
    total: totals.total + net + tax,
    tax_lines: lines,
  };
}
