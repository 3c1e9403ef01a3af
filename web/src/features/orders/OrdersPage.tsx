import { Link, useSearchParams } from 'react-router';
import { useDocumentTitle } from '../../components/useDocumentTitle';
import { EmptyState } from '../../components/EmptyState';
import { ErrorMessage } from '../../components/ErrorMessage';
import { LinkButton } from '../../components/LinkButton';
import { Pagination } from '../../components/Pagination';
import { Price } from '../../components/Price';
import { Skeleton } from '../../components/Skeleton';
import { StatusBadge } from '../../components/StatusBadge';
import { useSession } from '../../auth/useSession';
import { formatDate } from '../../lib/date';
import { orderLabel } from '../../lib/orderNumber';
import { RequireSignIn } from '../account/RequireSignIn';
import { ORDERS_PER_PAGE, useUserOrders } from './api';
import { countOf } from '../../lib/plural';

function OrderHistory() {
  const [params] = useSearchParams();
  const page = Math.max(1, Number(params.get('page')) || 1);
  const { userId } = useSession();
  const orders = useUserOrders(userId, page);

  if (orders.isPending) {
    return (
      <div role="status" aria-label="Loading your orders" className="space-y-3">
        {[0, 1, 2].map((i) => (
          <Skeleton key={i} className="h-20 w-full" />
        ))}
      </div>
    );
  }
  if (orders.error)
    return (
      <ErrorMessage
        error={orders.error}
        title="We could not load your orders."
        onRetry={() => void orders.refetch()}
      />
    );
  if (orders.data.items.length === 0) {
    return (
      <EmptyState icon="🧾" title="No orders yet">
        <p>When you order something, it shows up here.</p>
        <LinkButton to="/shop" className="mt-4">
          Start shopping
        </LinkButton>
      </EmptyState>
    );
  }
  return (
    <>
      <ul className="divide-y divide-stone-200 rounded-2xl border border-stone-200 bg-white">
        {orders.data.items.map((order) => (
          <li
            key={order.id}
            className="relative flex flex-wrap items-center justify-between gap-3 p-4 hover:bg-orange-50/50"
          >
            <div>
              <Link
                to={`/account/orders/${order.id}`}
                className="font-semibold after:absolute after:inset-0 hover:underline"
              >
                Order {orderLabel(order)}
              </Link>
              <p className="text-sm text-stone-600">
                {formatDate(order.created_at)} ·{' '}
                {countOf(
                  order.items.reduce((n, i) => n + i.quantity, 0),
                  'item',
                  'items',
                )}
              </p>
            </div>
            <div className="flex items-center gap-4">
              <Price amount={order.total} currency={order.currency} className="font-semibold" />
              <StatusBadge status={order.status} />
            </div>
          </li>
        ))}
      </ul>
      <Pagination
        page={page}
        perPage={ORDERS_PER_PAGE}
        total={orders.data.total}
        hrefFor={(p) => `/account/orders?page=${p}`}
        label="Order pages"
      />
    </>
  );
}

export function OrdersPage() {
  useDocumentTitle('Your orders');
  return (
    <RequireSignIn>
      <h1 className="mb-6 text-3xl font-bold">Your orders</h1>
      <OrderHistory />
    </RequireSignIn>
  );
}
