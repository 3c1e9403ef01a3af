import { useState } from 'react';
import { ErrorMessage } from '../../../components/ErrorMessage';
import { Skeleton } from '../../../components/Skeleton';
import { useDocumentTitle } from '../../../components/useDocumentTitle';
import { formatRate } from '../../../lib/taxRate';
import { usePricing } from '../../catalog/api';
import { useCreateDeliveryMethod, useDeliveryMethods } from '../../delivery/api';
import { MethodForm } from './MethodForm';
import { MethodRow } from './MethodRow';
import { EMPTY_DRAFT } from './methodDraft';

/** The delivery methods checkout offers: add one, change its price or threshold, hide it. */
export function DeliveryAdmin() {
  useDocumentTitle('Delivery · Admin');
  const methods = useDeliveryMethods(true);
  const pricing = usePricing();
  const create = useCreateDeliveryMethod();
  // A new form (empty) after each method added.
  const [formKey, setFormKey] = useState(0);

  if (methods.isPending || pricing.isPending) return <Skeleton className="h-64 w-full" />;
  if (methods.error)
    return (
      <ErrorMessage
        error={methods.error}
        title="Delivery methods did not load."
        onRetry={() => void methods.refetch()}
      />
    );
  if (pricing.error)
    return (
      <ErrorMessage
        error={pricing.error}
        title="The shop's pricing did not load."
        onRetry={() => void pricing.refetch()}
      />
    );
  const { prices_include_tax: included, tax_rate_bp: rate } = methods.data;

  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-bold">Delivery</h1>
      <p className="text-stone-700">
        Shoppers choose one of these at checkout. Delivery is taxed at the shop’s standard rate (
        {formatRate(rate)}){included ? ', included in the prices below' : ', added to the prices below'}.
      </p>
      {methods.data.items.length === 0 ? (
        <p className="rounded-2xl border border-dashed border-stone-300 p-6 text-center text-stone-600">
          No delivery methods yet: orders go out without a delivery charge.
        </p>
      ) : (
        <ul
          aria-label="Delivery methods"
          className="divide-y divide-stone-100 rounded-2xl border border-stone-200 bg-white"
        >
          {methods.data.items.map((m) => (
            <MethodRow key={m.id} method={m} pricesIncludeTax={included} />
          ))}
        </ul>
      )}
      <section aria-labelledby="new-method" className="rounded-2xl border border-stone-200 bg-white p-4">
        <h2 id="new-method" className="mb-3 text-lg font-semibold">
          Add a delivery method
        </h2>
        <MethodForm
          key={formKey}
          initial={EMPTY_DRAFT}
          currency={pricing.data.currency}
          pricesIncludeTax={included}
          submitLabel="Add method"
          busy={create.isPending}
          error={create.error}
          onSubmit={(input) => create.mutate(input, { onSuccess: () => setFormKey((k) => k + 1) })}
        />
      </section>
    </div>
  );
}
