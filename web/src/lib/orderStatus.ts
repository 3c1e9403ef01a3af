/** Order statuses in words and colours (text on tinted backgrounds, all WCAG AA). */
import type { OrderStatus } from '../api/types';

export const ORDER_STATUSES: readonly OrderStatus[] = [
  'pending_payment',
  'paid',
  'fulfilled',
  'shipped',
  'cancelled',
];

export function isOrderStatus(value: unknown): value is OrderStatus {
  return ORDER_STATUSES.some((s) => s === value);
}

const LABELS: Record<string, string> = {
  placing: 'Placing',
  pending_payment: 'Pending payment',
  paid: 'Paid',
  fulfilled: 'Fulfilled',
  shipped: 'Shipped',
  cancelled: 'Cancelled',
};

const TONES: Record<string, string> = {
  pending_payment: 'bg-amber-100 text-amber-900 ring-amber-300',
  paid: 'bg-emerald-100 text-emerald-900 ring-emerald-300',
  fulfilled: 'bg-sky-100 text-sky-900 ring-sky-300',
  shipped: 'bg-indigo-100 text-indigo-900 ring-indigo-300',
  cancelled: 'bg-stone-200 text-stone-800 ring-stone-300',
};

export function statusLabel(status: string): string {
  return LABELS[status] ?? status.replace(/_/g, ' ');
}

export function statusTone(status: string): string {
  return TONES[status] ?? 'bg-stone-100 text-stone-800 ring-stone-300';
}

/** Final statuses: the live stream ends there. */
export function isFinalStatus(status: string): boolean {
  return status === 'shipped' || status === 'cancelled';
}
