import type { Order } from '../../../api/types';
import { ErrorMessage } from '../../../components/ErrorMessage';
import { Price } from '../../../components/Price';
import { Spinner } from '../../../components/Spinner';
import { formatDateTime } from '../../../lib/date';
import { orderLabel } from '../../../lib/orderNumber';
import { useOrderPayments } from '../../orders/api';
import { RefundForm } from './RefundForm';

const STATUS: Record<string, string> = {
  pending: 'Pending',
  processing: 'Awaiting confirmation',
  succeeded: 'Captured',
  failed: 'Declined',
  partially_refunded: 'Partly refunded',
  refunded: 'Refunded',
};

/** The order's payment attempts, newest first, with refunds for the captured one. */
export function PaymentsPanel({ order }: { order: Order }) {
  const payments = useOrderPayments(order.id);
  return (
    <section aria-labelledby="payments-heading" className="rounded-2xl border border-stone-200 bg-white p-5">
      <h2 id="payments-heading" className="mb-3 text-lg font-semibold">
        Payments
      </h2>
      {payments.isPending ? (
        <Spinner label="Loading payments" />
      ) : payments.error ? (
        <ErrorMessage
          error={payments.error}
          title="Payments did not load."
          onRetry={() => void payments.refetch()}
        />
      ) : payments.data.items.length === 0 ? (
        <p className="text-stone-600">No payment yet.</p>
      ) : (
        <ul className="space-y-4">
          {payments.data.items.map((p) => (
            <li key={p.transaction_id} className="rounded-xl border border-stone-200 p-4">
              <div className="flex flex-wrap items-baseline justify-between gap-2">
                <p className="font-semibold">
                  {STATUS[p.status] ?? p.status} · {p.refunded_amount > 0 ? 'captured ' : ''}
                  <Price amount={p.amount} currency={p.currency} />
                </p>
                <p className="text-sm text-stone-600">{formatDateTime(p.created_at)}</p>
              </div>
              <p className="mt-1 text-xs break-all text-stone-600">Transaction {p.transaction_id}</p>
              {p.failure_reason && (
                <p className="mt-1 text-sm text-red-700">Reason: {p.failure_reason.replace(/_/g, ' ')}</p>
              )}
              {p.refunded_amount > 0 && (
                <p className="mt-1 text-sm">
                  <Price amount={p.refunded_amount} currency={p.currency} /> of{' '}
                  <Price amount={p.amount} currency={p.currency} /> refunded
                  {p.refunds.length > 1 ? ` in ${p.refunds.length} refunds` : ''};{' '}
                  <Price amount={p.amount - p.refunded_amount} currency={p.currency} /> kept.
                </p>
              )}
              {(p.status === 'succeeded' || p.status === 'partially_refunded') && (
                <RefundForm payment={p} orderLabel={orderLabel(order)} />
              )}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
