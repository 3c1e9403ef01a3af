import { Price } from '../../components/Price';
import { formatDate } from '../../lib/date';
import { useOrderPayments } from './api';
import { refundSummary } from './refunds';

/**
 * Under an order's totals: each refund with its date, and what was paid after refunds, in words
 * that cannot be misread ("€14.16 of €78.31 refunded", never a bare "Partly refunded: €78.31").
 * Nothing while no money went back.
 */
export function RefundLines({ orderId }: { orderId: string }) {
  const payments = useOrderPayments(orderId);
  const summary = payments.data ? refundSummary(payments.data.items) : null;
  if (!summary) return null;
  const { currency } = summary;
  const whole = summary.kept === 0;
  return (
    <section aria-label="Refunds" className="mt-4 ml-auto max-w-xs rounded-xl bg-emerald-50 p-3 text-sm">
      <p className="font-semibold text-emerald-900">
        {whole ? 'Refunded in full: ' : 'Partly refunded: '}
        <Price amount={summary.refunded} currency={currency} /> of{' '}
        <Price amount={summary.paid} currency={currency} /> went back
      </p>
      <dl className="mt-2 space-y-1 text-stone-800">
        {summary.refunds.map((refund, i) => (
          <div key={`${refund.at}-${i}`} className="flex justify-between gap-3">
            <dt>Refund of {formatDate(refund.at)}</dt>
            <dd className="tabular-nums">
              −<Price amount={refund.amount} currency={currency} />
            </dd>
          </div>
        ))}
        <div className="flex justify-between gap-3 border-t border-emerald-200 pt-1 font-semibold">
          <dt>Paid after refunds</dt>
          <dd className="tabular-nums">
            <Price amount={summary.kept} currency={currency} />
          </dd>
        </div>
      </dl>
    </section>
  );
}
