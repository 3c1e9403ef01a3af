/**
 * Address, payment method and the Pay button. Paying first places the order (POST /orders,
 * once: the order is kept and its id put in the URL), then charges it (POST /payments). Each
 * has its own Idempotency-Key per attempt. A declined card leaves the order to be paid again
 * with another method; an order that got cancelled meanwhile is said so.
 */
import { useRef, useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { ApiError, errorMessage } from '../../api/errors';
import type { DeliveryMethod, Order, Profile } from '../../api/types';
import { AddressFields } from '../../components/AddressFields';
import {
  addressProblemList,
  addressProblems,
  type AddressProblems,
  type AddressValue,
} from '../../lib/address';
import { Button } from '../../components/Button';
import { CheckboxField } from '../../components/CheckboxField';
import { ErrorSummary } from '../../components/ErrorSummary';
import { FocusedAlert } from '../../components/FocusedAlert';
import { SelectField } from '../../components/SelectField';
import { formatMoney } from '../../lib/money';
import { orderLabel } from '../../lib/orderNumber';
import { useUpdateProfile } from '../account/api';
import { useFetchOrder, useOrder, usePay, usePlaceOrder, type ShippingAddress } from '../orders/api';
import { fromSaved, initialAddress, toShipping, withLastUsed } from './address';
import { DeliveryOptions } from './DeliveryOptions';
import { PaymentMethods } from './PaymentMethods';
import { ReorderButton } from '../orders/ReorderButton';
import { ShippingAddressView } from '../orders/ShippingAddressView';
import type { PaymentMethod } from './paymentMethods';
import { Step } from './Step';
import { useAttemptKey } from '../../lib/useAttemptKey';

/** The delivery form's field ids start with this (`addressFieldId`). */
const DELIVERY_FORM = 'delivery';

type Problem =
  | { kind: 'declined'; reason: string }
  | { kind: 'cancelled'; reason: string | null }
  | { kind: 'error'; message: string };

/** The delivery choice, held by the page (its summary shows what it costs). */
export interface DeliveryChoice {
  methods: DeliveryMethod[];
  chosen: DeliveryMethod | null;
  /** The method the shopper picked is no longer offered: they must choose again. */
  withdrawn: boolean;
  /** The goods as listed (methods may be free from a threshold). */
  goods: number;
  onChange: (methodId: string) => void;
}

interface CheckoutFormProps {
  profile: Profile | undefined;
  /** An order placed before (from the URL), to pay now. */
  existing: Order | undefined;
  total: number;
  currency: string;
  /** The order is placed (and is to be kept in the address). */
  onPlaced: (order: Order) => void;
  delivery: DeliveryChoice;
}

function declineReason(error: ApiError): string {
  const reason = error.details?.reason;
  return typeof reason === 'string' && reason ? reason.replace(/_/g, ' ') : error.message;
}

export function CheckoutForm({ profile, existing, total, currency, onPlaced, delivery }: CheckoutFormProps) {
  const navigate = useNavigate();
  const [address, setAddress] = useState<AddressValue>(() => initialAddress(profile));
  const [errors, setErrors] = useState<AddressProblems>({});
  const [saveAddress, setSaveAddress] = useState(true);
  const [method, setMethod] = useState<PaymentMethod>('pm_card_ok');
  const [order, setOrder] = useState<Order | undefined>(existing);
  const [problem, setProblem] = useState<Problem | null>(null);
  const placeKey = useAttemptKey();
  const payKey = useAttemptKey();
  const placeOrder = usePlaceOrder();
  const pay = usePay();
  const latest = useOrder(order?.id ?? '');
  const fetchOrder = useFetchOrder();
  const updateProfile = useUpdateProfile();
  const submitting = useRef(false);
  const busy = placeOrder.isPending || pay.isPending;
  const current = latest.data ?? order;
  const amount = current ? formatMoney(current.total, current.currency) : formatMoney(total, currency);

  async function placeIfNeeded(): Promise<Order | null> {
    if (order) return order;
    const found = addressProblems(address);
    // A new object per attempt: the error summary takes focus again each time.
    setErrors(found);
    if (Object.keys(found).length > 0) return null;
    if (delivery.methods.length > 0 && !delivery.chosen) {
      setProblem({ kind: 'error', message: 'Choose a delivery method.' });
      return null;
    }
    try {
      const shipping = toShipping(address);
      const placed = await placeOrder.mutateAsync({
        address: shipping,
        deliveryMethodId: delivery.chosen?.id ?? null,
        key: placeKey.key(),
      });
      placeKey.settle();
      setOrder(placed);
      onPlaced(placed);
      rememberAddress(shipping);
      return placed;
    } catch (error) {
      placeKey.settle(error);
      setProblem({ kind: 'error', message: errorMessage(error) });
      return null;
    }
  }

  /** The address used goes first in the address book (saved if new and asked): the next
   * checkout starts from it. Best effort: the order is placed whatever happens here. */
  function rememberAddress(used: ShippingAddress) {
    const addresses = profile ? withLastUsed(profile.addresses, used, saveAddress) : null;
    if (addresses) updateProfile.mutate({ addresses });
  }

  async function submit() {
    if (submitting.current) return;
    submitting.current = true;
    setProblem(null);
    try {
      const placed = await placeIfNeeded();
      if (!placed) return;
      try {
        const payment = await pay.mutateAsync({ orderId: placed.id, method, key: payKey.key() });
        payKey.settle();
        // A bank payment is confirmed later: the order page says so and follows it live.
        const waiting = payment.status === 'processing' || payment.status === 'pending';
        void navigate(`/account/orders/${placed.id}?placed=1${waiting ? '&payment=processing' : ''}`);
      } catch (error) {
        payKey.settle(error);
        const fresh = await fetchOrder(placed.id).catch(() => undefined);
        const reason = error instanceof ApiError && error.status === 402 ? declineReason(error) : null;
        if (fresh?.status === 'cancelled') setProblem({ kind: 'cancelled', reason });
        else if (fresh && fresh.status !== 'pending_payment')
          void navigate(`/account/orders/${placed.id}?placed=1`);
        else if (error instanceof ApiError && error.status === 402)
          setProblem({ kind: 'declined', reason: declineReason(error) });
        else setProblem({ kind: 'error', message: errorMessage(error) });
      }
    } finally {
      submitting.current = false;
    }
  }

  const saved = profile?.addresses ?? [];

  return (
    <div className="space-y-6">
      <Step number={2} id="shipping-heading" title="Delivery address" done={order !== undefined}>
        {order ? (
          <>
            <ShippingAddressView address={order.shipping_address} />
            {order.delivery_method && <p className="mt-2 text-stone-700">{order.delivery_method.name}</p>}
          </>
        ) : (
          <div className="space-y-4">
            <ErrorSummary problems={addressProblemList(DELIVERY_FORM, errors)} />
            {saved.length > 1 && (
              <SelectField
                label="Use a saved address"
                defaultValue=""
                onChange={(e) => {
                  const picked = saved[Number(e.target.value)];
                  if (picked) setAddress(fromSaved(picked, address.name));
                }}
              >
                <option value="" disabled>
                  Choose…
                </option>
                {saved.map((a, i) => (
                  <option key={`${a.line1}-${i}`} value={i}>
                    {a.label ? `${a.label}: ` : ''}
                    {a.line1}, {a.city}
                  </option>
                ))}
              </SelectField>
            )}
            <AddressFields value={address} onChange={setAddress} errors={errors} form={DELIVERY_FORM} />
            {profile && (
              <CheckboxField
                label="Save this address to my address book"
                hint="The next checkout starts from the address you used last."
                checked={saveAddress}
                onChange={(e) => setSaveAddress(e.target.checked)}
              />
            )}
            {delivery.withdrawn && (
              <p role="alert" className="rounded-xl border border-amber-300 bg-amber-50 p-3 text-amber-900">
                The delivery method you chose is no longer offered: please choose another.
              </p>
            )}
            {delivery.methods.length > 0 && (
              <DeliveryOptions
                methods={delivery.methods}
                goods={delivery.goods}
                value={delivery.chosen?.id ?? null}
                onChange={delivery.onChange}
                disabled={busy}
              />
            )}
          </div>
        )}
      </Step>

      <Step number={3} id="payment-heading" title="Payment">
        {problem?.kind === 'declined' && (
          <FocusedAlert cause={problem} className="mb-4">
            <p className="font-semibold">Your payment was declined: {problem.reason}.</p>
            <p className="mt-1 text-sm">
              Your order {order ? orderLabel(order) : ''} is kept. Choose another payment method and pay
              again.
            </p>
          </FocusedAlert>
        )}
        {problem?.kind === 'cancelled' && (
          <FocusedAlert cause={problem} tone="neutral" className="mb-4">
            <p className="font-semibold">
              {problem.reason ? `Your payment was declined: ${problem.reason}. ` : ''}This order was
              cancelled, so it cannot be paid any more.
            </p>
            <p className="mt-1 text-sm">
              Nothing was charged. You can{' '}
              <Link to="/basket" className="font-semibold underline">
                go back to the basket
              </Link>{' '}
              and order again.
            </p>
            {current && (
              <ReorderButton order={current} label="Put these items back in the basket" className="mt-3" />
            )}
          </FocusedAlert>
        )}
        {problem?.kind === 'error' && (
          <FocusedAlert cause={problem} className="mb-4">
            <p className="font-medium">{problem.message}</p>
          </FocusedAlert>
        )}
        {problem?.kind !== 'cancelled' && (
          <PaymentMethods value={method} onChange={setMethod} disabled={busy} />
        )}
        {problem?.kind !== 'cancelled' && (
          <Button size="lg" className="mt-4 w-full" busy={busy} onClick={() => void submit()}>
            {busy ? 'Paying…' : `Pay ${amount}`}
          </Button>
        )}
        <p className="mt-3 text-center text-xs text-stone-600">
          Card details never reach MenusKart: the payment provider handles them.
        </p>
      </Step>
    </div>
  );
}
