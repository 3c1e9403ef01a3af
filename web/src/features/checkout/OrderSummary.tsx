import type { Totals } from '../../api/types';
import type { SummaryLine } from './summaryLines';
import { Price } from '../../components/Price';
import { CartTotals } from '../cart/CartTotals';

export function OrderSummary({
  lines,
  totals,
  deliveryName,
}: {
  lines: SummaryLine[];
  totals: Totals;
  deliveryName?: string | null;
}) {
  return (
    <aside
      aria-labelledby="summary-heading"
      className="h-fit rounded-2xl border border-stone-200 bg-white p-5 lg:sticky lg:top-40"
    >
      <h2 id="summary-heading" className="mb-4 text-lg font-semibold">
        Order summary
      </h2>
      <ul className="mb-4 space-y-2 text-sm">
        {lines.map((line) => (
          <li key={line.key} className="flex justify-between gap-3">
            <span>
              {line.quantity} × {line.name}
            </span>
            <Price amount={line.line_total} currency={totals.currency} />
          </li>
        ))}
      </ul>
      <CartTotals totals={totals} deliveryName={deliveryName} className="border-t border-stone-200 pt-4" />
    </aside>
  );
}
