import type { ProductStatus } from '../../../api/types';
import { statusLabel } from './productStatus';

const TONES: Record<ProductStatus, string> = {
  active: 'bg-emerald-50 text-emerald-900 ring-emerald-200',
  draft: 'bg-amber-50 text-amber-900 ring-amber-200',
  archived: 'bg-stone-100 text-stone-700 ring-stone-300',
};

/** A product's status as a small label: the owner sees at a glance what shoppers do not. */
export function ProductStatusBadge({ status = 'active' }: { status?: ProductStatus | undefined }) {
  return (
    <span className={`inline-block rounded-full px-2 py-0.5 text-xs font-semibold ring-1 ${TONES[status]}`}>
      {statusLabel(status)}
    </span>
  );
}
