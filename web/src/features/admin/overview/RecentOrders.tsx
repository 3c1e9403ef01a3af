import { Link } from 'react-router';
import { ErrorMessage } from '../../../components/ErrorMessage';
import { Panel } from '../../../components/Panel';
import { Price } from '../../../components/Price';
import { Skeleton } from '../../../components/Skeleton';
import { StatusBadge } from '../../../components/StatusBadge';
import { formatDateTime } from '../../../lib/date';
import { orderLabel } from '../../../lib/orderNumber';
import { useAllOrders } from '../../orders/api';

/** The newest orders, each linked to its page. */
export function RecentOrders() {
  const orders = useAllOrders({ status: '', q: '', from: '', to: '', page: 1 });
  return (
    <Panel title="Recent orders">
      {orders.isPending ? (
        <Skeleton className="h-24 w-full" />
      ) : orders.error ? (
        <ErrorMessage error={orders.error} title="Orders did not load." />
      ) : orders.data.items.length === 0 ? (
        <p className="text-stone-600">No orders yet.</p>
      ) : (
        <ul className="divide-y divide-stone-100">
          {orders.data.items.slice(0, 5).map((o) => (
            <li key={o.id} className="flex flex-wrap items-center justify-between gap-2 py-2">
              <span>
                <Link to={`/admin/orders/${o.id}`} className="font-medium text-orange-800 hover:underline">
                  {orderLabel(o)}
                </Link>
                <span className="ml-2 text-sm text-stone-600">{formatDateTime(o.created_at)}</span>
              </span>
              <span className="flex items-center gap-2 text-sm tabular-nums">
                <Price amount={o.total} currency={o.currency} />
                <StatusBadge status={o.status} />
              </span>
            </li>
          ))}
        </ul>
      )}
    </Panel>
  );
}
