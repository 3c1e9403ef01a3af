import { Link } from 'react-router';
import { ErrorMessage } from '../../../components/ErrorMessage';
import { Panel } from '../../../components/Panel';
import { Price } from '../../../components/Price';
import { Skeleton } from '../../../components/Skeleton';
import { useDocumentTitle } from '../../../components/useDocumentTitle';
import { LOW_STOCK } from '../../../lib/stock';
import { useLowStock, useSalesOverview } from './api';
import { RecentOrders } from './RecentOrders';
import { SalesCard } from './SalesCard';

/** The admin's first page: sales today and lately, the work waiting, best sellers, low stock. */
export function OverviewPage() {
  useDocumentTitle('Overview · Admin');
  const sales = useSalesOverview();
  const lowStock = useLowStock();

  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-bold">Overview</h1>
      {sales.isPending ? (
        <Skeleton className="h-32 w-full" />
      ) : sales.error ? (
        <ErrorMessage error={sales.error} title="Sales did not load." onRetry={() => void sales.refetch()} />
      ) : (
        <>
          <div className="grid gap-4 sm:grid-cols-3">
            <SalesCard title="Today" figures={sales.data.today} currency={sales.data.currency} />
            <SalesCard title="Last 7 days" figures={sales.data.last_7_days} currency={sales.data.currency} />
            <SalesCard
              title="Last 30 days"
              figures={sales.data.last_30_days}
              currency={sales.data.currency}
            />
          </div>
          <p className="text-sm text-stone-600">
            Paid orders by the day they were placed ({sales.data.timezone}), before refunds.{' '}
            {sales.data.awaiting_fulfilment > 0 ? (
              <Link to="/admin/orders?status=paid" className="font-semibold text-orange-800 underline">
                {sales.data.awaiting_fulfilment} paid{' '}
                {sales.data.awaiting_fulfilment === 1 ? 'order waits' : 'orders wait'} to be fulfilled
              </Link>
            ) : (
              'No paid order waits to be fulfilled.'
            )}
          </p>
          <Panel title="Best sellers, last 30 days">
            {sales.data.top_products.length === 0 ? (
              <p className="text-stone-600">Nothing sold yet.</p>
            ) : (
              <ol className="divide-y divide-stone-100">
                {sales.data.top_products.map((p) => (
                  <li key={p.product_id} className="flex flex-wrap justify-between gap-2 py-2">
                    <Link
                      to={`/admin/products/${p.product_id}`}
                      className="font-medium text-orange-800 hover:underline"
                    >
                      {p.name}
                    </Link>
                    <span className="text-sm text-stone-700 tabular-nums">
                      {p.quantity} sold · <Price amount={p.revenue} currency={sales.data.currency} />
                    </span>
                  </li>
                ))}
              </ol>
            )}
          </Panel>
        </>
      )}
      <div className="grid gap-6 lg:grid-cols-2">
        <RecentOrders />
        <Panel title={`Low stock (${LOW_STOCK} or fewer)`}>
          {lowStock.isPending ? (
            <Skeleton className="h-24 w-full" />
          ) : lowStock.error ? (
            <ErrorMessage error={lowStock.error} title="Stock did not load." />
          ) : lowStock.data.items.length === 0 ? (
            <p className="text-stone-600">Every product has more than {LOW_STOCK} in stock.</p>
          ) : (
            <ul className="divide-y divide-stone-100">
              {lowStock.data.items.map((p) => (
                <li key={p.id} className="flex justify-between gap-2 py-2">
                  <Link
                    to={`/admin/products/${p.id}`}
                    className="font-medium text-orange-800 hover:underline"
                  >
                    {p.name}
                  </Link>
                  <span className="text-sm text-stone-700 tabular-nums">
                    {p.available === 0 ? 'Sold out' : `${p.available ?? '?'} left`}
                  </span>
                </li>
              ))}
            </ul>
          )}
        </Panel>
      </div>
    </div>
  );
}
