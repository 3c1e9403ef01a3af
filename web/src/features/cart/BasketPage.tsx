import { useDocumentTitle } from '../../components/useDocumentTitle';
import { EmptyState } from '../../components/EmptyState';
import { ErrorMessage } from '../../components/ErrorMessage';
import { LinkButton } from '../../components/LinkButton';
import { Skeleton } from '../../components/Skeleton';
import { useCart } from './api';
import { CartLine } from './CartLine';
import { CartTotals } from './CartTotals';

export function BasketPage() {
  useDocumentTitle('Basket');
  const cart = useCart();

  if (cart.isPending) {
    return (
      <div role="status" aria-label="Loading your basket" className="space-y-4">
        <Skeleton className="h-10 w-48" />
        <Skeleton className="h-24 w-full" />
        <Skeleton className="h-24 w-full" />
      </div>
    );
  }
  if (cart.error) {
    return (
      <ErrorMessage
        error={cart.error}
        title="We could not load your basket."
        onRetry={() => void cart.refetch()}
      />
    );
  }

  const { items, currency } = cart.data;
  return (
    <div>
      <h1 className="text-3xl font-bold">Your basket</h1>
      {(cart.data.removed_products?.length ?? 0) > 0 && (
        <p role="status" className="mt-4 rounded-xl bg-amber-50 p-3 text-sm text-amber-900">
          Some products are no longer sold and were taken out of your basket.
        </p>
      )}
      {items.length === 0 ? (
        <div className="mt-6">
          <EmptyState icon="🧺" title="Your basket is empty">
            <p>Find something delicious in the shop.</p>
            <LinkButton to="/shop" className="mt-4">
              Go to the shop
            </LinkButton>
          </EmptyState>
        </div>
      ) : (
        <div className="mt-6 grid gap-8 lg:grid-cols-[1fr_20rem]">
          <ul
            className="divide-y divide-stone-200 rounded-2xl border border-stone-200 bg-white px-4"
            aria-label="Basket items"
          >
            {items.map((item) => (
              <CartLine key={item.item_id} item={item} currency={currency} />
            ))}
          </ul>
          <aside
            aria-labelledby="summary-heading"
            className="h-fit rounded-2xl border border-stone-200 bg-white p-5"
          >
            <h2 id="summary-heading" className="mb-4 text-lg font-semibold">
              Order summary
            </h2>
            <CartTotals totals={cart.data} />
            <LinkButton to="/checkout" size="lg" className="mt-5 w-full">
              Go to checkout
            </LinkButton>
            <LinkButton to="/shop" variant="ghost" className="mt-2 w-full">
              Continue shopping
            </LinkButton>
          </aside>
        </div>
      )}
    </div>
  );
}
