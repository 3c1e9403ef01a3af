import { useParams } from 'react-router';
import { errorMessage } from '../../../api/errors';
import { useDocumentTitle } from '../../../components/useDocumentTitle';
import { Button } from '../../../components/Button';
import { ErrorMessage } from '../../../components/ErrorMessage';
import { PageSpinner } from '../../../components/PageSpinner';
import { StatusBadge } from '../../../components/StatusBadge';
import { formatDateTime } from '../../../lib/date';
import { orderLabel } from '../../../lib/orderNumber';
import { useOrder } from '../../orders/api';
import { OrderDetails } from '../../orders/OrderDetails';
import { useSetOrderStatus } from './api';
import { PaymentsPanel } from './PaymentsPanel';

export function AdminOrderPage() {
  const { orderId = '' } = useParams();
  const order = useOrder(orderId);
  const setStatus = useSetOrderStatus(orderId);
  useDocumentTitle(order.data ? `Order ${orderLabel(order.data)} · Admin` : 'Order · Admin');

  if (order.isPending) return <PageSpinner label="Loading order" />;
  if (order.error)
    return (
      <ErrorMessage
        error={order.error}
        title="This order did not load."
        onRetry={() => void order.refetch()}
      />
    );
  const o = order.data;

  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <div>
          <h1 className="text-2xl font-bold">Order {orderLabel(o)}</h1>
          <p className="text-sm text-stone-600">Placed {formatDateTime(o.created_at)}</p>
          <p className="text-sm break-all text-stone-700">Customer {o.customer_email ?? o.user_id}</p>
        </div>
        <div role="status" aria-live="polite" aria-label="Status" data-testid="order-status">
          <StatusBadge status={o.status} className="text-base" />
        </div>
      </div>
      <section
        aria-labelledby="fulfilment-heading"
        className="rounded-2xl border border-stone-200 bg-white p-5"
      >
        <h2 id="fulfilment-heading" className="mb-3 text-lg font-semibold">
          Fulfilment
        </h2>
        {o.status === 'paid' ? (
          <Button busy={setStatus.isPending} onClick={() => setStatus.mutate('fulfilled')}>
            Mark as fulfilled
          </Button>
        ) : o.status === 'fulfilled' ? (
          <Button busy={setStatus.isPending} onClick={() => setStatus.mutate('shipped')}>
            Mark as shipped
          </Button>
        ) : null}
        <p className="mt-2 text-sm text-stone-600">
          {o.status === 'paid'
            ? 'Paid: pack it, then mark it as fulfilled.'
            : o.status === 'fulfilled'
              ? 'Packed: mark it as shipped when it leaves.'
              : o.status === 'shipped'
                ? 'Shipped. Nothing more to do.'
                : o.status === 'cancelled'
                  ? 'Cancelled. Nothing to send.'
                  : 'Waiting for the customer’s payment.'}
        </p>
        {setStatus.isError && (
          <p role="alert" className="mt-2 text-sm font-medium text-red-700">
            {errorMessage(setStatus.error)}
          </p>
        )}
      </section>
      <PaymentsPanel order={o} />
      <OrderDetails order={o} />
    </div>
  );
}
