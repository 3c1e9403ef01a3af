import { useParams, useSearchParams } from 'react-router';
import { ApiError } from '../../api/errors';
import type { OrderStatus } from '../../api/types';
import { useDocumentTitle } from '../../components/useDocumentTitle';
import { ErrorMessage } from '../../components/ErrorMessage';
import { LinkButton } from '../../components/LinkButton';
import { NotFound } from '../../app/NotFound';
import { PageSpinner } from '../../components/PageSpinner';
import { StatusBadge } from '../../components/StatusBadge';
import { RequireSignIn } from '../account/RequireSignIn';
import { formatDateTime } from '../../lib/date';
import { orderLabel } from '../../lib/orderNumber';
import { isFinalStatus, statusLabel } from '../../lib/orderStatus';
import { useOrder, useOrderPayments } from './api';
import { CancelOrderButton } from './CancelOrderButton';
import { OrderDetails } from './OrderDetails';
import { ReorderButton } from './ReorderButton';
import { useOrderEvents } from './useOrderEvents';

/** Orders whose items can be ordered again: every one but an order still waiting for its payment. */
const REORDERABLE: readonly OrderStatus[] = ['paid', 'fulfilled', 'shipped', 'cancelled'];

function OrderView({ orderId }: { orderId: string }) {
  const [params] = useSearchParams();
  const order = useOrder(orderId);
  const live = useOrderEvents(orderId, order.data !== undefined && !isFinalStatus(order.data.status));
  const payments = useOrderPayments(orderId, order.data?.status === 'pending_payment');
  useDocumentTitle(order.data ? `Order ${orderLabel(order.data)}` : 'Order');

  if (order.isPending) return <PageSpinner label="Loading your order" />;
  if (order.error) {
    if (order.error instanceof ApiError && order.error.status === 404) return <NotFound />;
    return (
      <ErrorMessage
        error={order.error}
        title="We could not load this order."
        onRetry={() => void order.refetch()}
      />
    );
  }

  const o = order.data;
  // Live events update the cached order, so its status is always the latest known.
  const status = o.status;
  const justPlaced = params.get('placed') === '1';
  // A bank payment being confirmed: the order waits for it, not for the customer.
  const confirming =
    status === 'pending_payment' &&
    (payments.data?.items.some((p) => p.status === 'processing' || p.status === 'pending') ??
      params.get('payment') === 'processing');

  return (
    <div className="space-y-6">
      {justPlaced && status !== 'cancelled' && (
        <div className="rounded-2xl bg-emerald-50 p-5 text-emerald-900">
          <p className="text-lg font-semibold">
            <span aria-hidden="true">🎉 </span>Thank you! Your order is in.
          </p>
          <p className="mt-1 text-sm">We have emailed you a confirmation. You can follow its status here.</p>
        </div>
      )}
      <div className="flex flex-wrap items-start justify-between gap-4">
        <div>
          <h1 className="text-3xl font-bold">Order {orderLabel(o)}</h1>
          <p className="mt-1 text-stone-600">Placed {formatDateTime(o.created_at)}</p>
          {REORDERABLE.includes(status) && <ReorderButton order={o} label="Order again" className="mt-3" />}
        </div>
        <div className="sm:text-right">
          <p className="text-sm text-stone-600" id="status-label">
            Status
          </p>
          <div role="status" aria-live="polite" aria-labelledby="status-label" data-testid="order-status">
            <StatusBadge status={status} className="text-base" />
          </div>
        </div>
      </div>

      {confirming && (
        <div className="flex items-center gap-3 rounded-2xl border border-sky-200 bg-sky-50 p-4 text-sky-950">
          <span aria-hidden="true" className="text-2xl">
            🏦
          </span>
          <p className="text-sm">
            We are waiting for your bank to confirm the payment. This page updates by itself as soon as it
            does.
          </p>
        </div>
      )}
      {status === 'pending_payment' && !confirming && (
        <div className="flex flex-wrap items-center gap-3 rounded-2xl border border-amber-200 bg-amber-50 p-4 text-amber-950">
          <p className="flex-1 text-sm">
            This order waits for its payment. Unpaid orders are cancelled automatically after a while.
          </p>
          <LinkButton to={`/checkout?order=${o.id}`} size="sm">
            Pay now
          </LinkButton>
          <CancelOrderButton orderId={o.id} label={orderLabel(o)} />
        </div>
      )}
      {status === 'cancelled' && live?.reason && (
        <p className="text-stone-700">Cancelled: {live.reason.replace(/_/g, ' ')}.</p>
      )}

      <OrderDetails
        order={o}
        historyNote={
          !isFinalStatus(status) && (
            <p className="mt-4 text-xs text-stone-600">
              Updates appear here as they happen ({statusLabel(status).toLowerCase()} now).
            </p>
          )
        }
      />
      <LinkButton to="/account/orders" variant="secondary">
        All your orders
      </LinkButton>
    </div>
  );
}

export function OrderPage() {
  const { orderId = '' } = useParams();
  return (
    <RequireSignIn>
      <OrderView orderId={orderId} />
    </RequireSignIn>
  );
}
