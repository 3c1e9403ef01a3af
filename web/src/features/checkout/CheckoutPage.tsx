import { useState } from 'react';
import { Navigate, useSearchParams } from 'react-router';
import { useDocumentTitle } from '../../components/useDocumentTitle';
import { EmptyState } from '../../components/EmptyState';
import { ErrorMessage } from '../../components/ErrorMessage';
import { LinkButton } from '../../components/LinkButton';
import { PageSpinner } from '../../components/PageSpinner';
import { useSession } from '../../auth/useSession';
import { useProfile } from '../account/api';
import { useCart } from '../cart/api';
import { useDeliveryMethods } from '../delivery/api';
import { deliveryPrice, goodsAsListed, withDelivery } from '../../lib/delivery';
import { useOrder, usePaidInThisTab } from '../orders/api';
import { CheckoutForm } from './CheckoutForm';
import { InlineAuth } from './InlineAuth';
import { Step } from './Step';
import { OrderSummary } from './OrderSummary';
import { cartLines, orderLines } from './summaryLines';

export function CheckoutPage() {
  useDocumentTitle('Checkout');
  const [params, setParams] = useSearchParams();
  // The order placed in this tab, known here at once: the URL learns it in a navigation that
  // React may commit later than the emptied basket, and the page must not show "Your basket
  // is empty" (and drop the payment form's state) in between.
  const [placedId, setPlacedId] = useState<string | null>(null);
  const orderId = params.get('order') ?? placedId;
  const { signedIn } = useSession();
  const cart = useCart();
  const profile = useProfile();
  const existing = useOrder(orderId ?? '', signedIn);
  const waitingForOrder = orderId !== null && signedIn && existing.isPending;
  const paidHere = usePaidInThisTab(orderId ?? '');
  const delivery = useDeliveryMethods();
  const [deliveryId, setDeliveryId] = useState<string | null>(null);

  // An order placed already has its delivery: paying it needs no list of methods.
  const needsDelivery = orderId === null;
  if (
    cart.isPending ||
    (needsDelivery && delivery.isPending) ||
    (signedIn && profile.isPending) ||
    waitingForOrder
  )
    return <PageSpinner label="Loading checkout" />;
  if (needsDelivery && delivery.error)
    return (
      <ErrorMessage
        error={delivery.error}
        title="We could not load the delivery options."
        onRetry={() => void delivery.refetch()}
      />
    );
  if (cart.error)
    return (
      <ErrorMessage
        error={cart.error}
        title="We could not load your basket."
        onRetry={() => void cart.refetch()}
      />
    );

  const order = orderId && signedIn ? existing.data : undefined;
  if (order && order.status !== 'pending_payment' && order.status !== 'cancelled') {
    return <Navigate to={`/account/orders/${order.id}${paidHere ? '?placed=1' : ''}`} replace />;
  }
  const currency = order?.currency ?? cart.data.currency;
  if (!order && cart.data.items.length === 0) {
    return (
      <>
        <h1 className="mb-6 text-3xl font-bold">Checkout</h1>
        <EmptyState icon="🧺" title="Your basket is empty">
          <p>Add something to your basket before checking out.</p>
          <LinkButton to="/shop" className="mt-4">
            Go to the shop
          </LinkButton>
        </EmptyState>
      </>
    );
  }

  // Before the order exists: the basket with the chosen delivery (the first one until the
  // shopper picks), as the order will cost; then the order's own totals.
  // A method the shopper picked that is no longer offered (hidden meanwhile) is not silently
  // swapped for another: they choose again.
  const methods = delivery.data?.items ?? [];
  const chosen =
    deliveryId === null ? (methods[0] ?? null) : (methods.find((m) => m.id === deliveryId) ?? null);
  const withdrawn = deliveryId !== null && chosen === null;
  const goods = goodsAsListed(cart.data);
  const totals =
    order ??
    (chosen && delivery.data
      ? withDelivery(cart.data, deliveryPrice(chosen, goods), delivery.data.tax_rate_bp)
      : cart.data);
  const deliveryName = order ? order.delivery_method?.name : chosen?.name;
  return (
    <div>
      <h1 className="text-3xl font-bold">Checkout</h1>
      <div className="mt-6 grid gap-8 lg:grid-cols-[1fr_22rem]">
        <div className="space-y-6">
          <Step number={1} id="account-heading" title="Your account" done={signedIn}>
            {signedIn ? (
              <p className="text-stone-700">
                Signed in{profile.data ? ` as ${profile.data.name} (${profile.data.email})` : ''}.
              </p>
            ) : (
              <InlineAuth />
            )}
          </Step>
          {signedIn && profile.error && (
            <ErrorMessage error={profile.error} title="Your saved addresses did not load." />
          )}
          {signedIn ? (
            <CheckoutForm
              profile={profile.data}
              existing={order}
              onPlaced={(placed) => {
                setPlacedId(placed.id);
                // No scroll to the top: the payment step's messages follow at once.
                setParams({ order: placed.id }, { replace: true, preventScrollReset: true });
              }}
              total={totals.total}
              currency={currency}
              delivery={{ methods, chosen, withdrawn, goods, onChange: setDeliveryId }}
            />
          ) : (
            <p className="rounded-2xl border border-dashed border-stone-300 p-5 text-stone-600">
              Delivery address and payment come next, once you are signed in.
            </p>
          )}
        </div>
        <OrderSummary
          lines={order ? orderLines(order) : cartLines(cart.data)}
          totals={totals}
          deliveryName={deliveryName}
        />
      </div>
    </div>
  );
}
