import type { SalesFigures } from '../../../api/types';
import { Price } from '../../../components/Price';
import { countOf } from '../../../lib/plural';

interface SalesCardProps {
  title: string;
  figures: SalesFigures;
  currency: string;
}

/** One period's revenue, large, with its orders and average order value under it. */
export function SalesCard({ title, figures, currency }: SalesCardProps) {
  return (
    <section aria-label={title} className="rounded-2xl border border-stone-200 bg-white p-5">
      <h2 className="text-sm font-semibold text-stone-600">{title}</h2>
      <p className="mt-1 text-3xl font-bold tabular-nums">
        <Price amount={figures.revenue} currency={currency} />
      </p>
      <p className="mt-1 text-sm text-stone-700">
        {countOf(figures.orders, 'order', 'orders')}
        {figures.orders > 0 && (
          <>
            {' · average '}
            <Price amount={figures.average_order} currency={currency} />
          </>
        )}
      </p>
    </section>
  );
}
