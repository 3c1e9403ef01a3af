import type { ProductStatus } from '../../../api/types';

/** Each status in the owner's words: what it means for shoppers. */
export const PRODUCT_STATUSES: readonly { value: ProductStatus; label: string; hint: string }[] = [
  { value: 'active', label: 'Active', hint: 'In the shop: listed, found and sold.' },
  { value: 'draft', label: 'Draft', hint: 'Hidden from shoppers until you make it active.' },
  { value: 'archived', label: 'Archived', hint: 'No longer sold; past orders keep it.' },
];

export const statusLabel = (status: ProductStatus | undefined) =>
  PRODUCT_STATUSES.find((s) => s.value === (status ?? 'active'))?.label ?? 'Active';
