/** The kinds of change the audit log keeps, as the filter names them. */
import type { AuditAction } from '../../../api/types';

export const AUDIT_ACTIONS: readonly { action: AuditAction; label: string }[] = [
  { action: 'price_changed', label: 'Prices' },
  { action: 'stock_changed', label: 'Stock' },
  { action: 'refunded', label: 'Refunds' },
  { action: 'delivery_changed', label: 'Delivery' },
  { action: 'roles_changed', label: 'Roles' },
];

export function isAuditAction(value: string | null): value is AuditAction {
  return AUDIT_ACTIONS.some((a) => a.action === value);
}

/** "customer, admin" */
export function rolesText(roles: readonly string[]): string {
  return roles.length === 0 ? 'none' : roles.join(', ');
}

/** "€4.90, free from €50.00, offered" */
export function deliveryTermsText(
  terms: { price: number; free_above?: number | null; active: boolean },
  money: (minor: number) => string,
): string {
  const price = terms.price === 0 ? 'free' : money(terms.price);
  const threshold =
    terms.free_above != null && terms.price > 0 ? `, free from ${money(terms.free_above)}` : '';
  return `${price}${threshold}, ${terms.active ? 'offered' : 'hidden'}`;
}
