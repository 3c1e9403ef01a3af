import { useState } from 'react';
import type { DeliveryMethod } from '../../../api/types';
import { Button } from '../../../components/Button';
import { formatMoney } from '../../../lib/money';
import { useUpdateDeliveryMethod } from '../../delivery/api';
import { MethodForm } from './MethodForm';
import { draftOf } from './methodDraft';

/** One delivery method: what it costs, whether checkout offers it; edit or hide it. */
export function MethodRow({
  method,
  pricesIncludeTax,
}: {
  method: DeliveryMethod;
  pricesIncludeTax: boolean;
}) {
  const [editing, setEditing] = useState(false);
  const update = useUpdateDeliveryMethod();
  const money = (amount: number) => formatMoney(amount, method.currency);

  if (editing)
    return (
      <li className="p-4">
        <MethodForm
          initial={draftOf(method)}
          currency={method.currency}
          pricesIncludeTax={pricesIncludeTax}
          submitLabel="Save"
          busy={update.isPending}
          error={update.error}
          onSubmit={(change) =>
            update.mutate({ id: method.id, change }, { onSuccess: () => setEditing(false) })
          }
          onCancel={() => {
            update.reset();
            setEditing(false);
          }}
        />
      </li>
    );
  return (
    <li className="flex flex-wrap items-center gap-3 p-4">
      <div className="min-w-0 flex-1">
        <p className="font-medium break-words">
          {method.name}
          {!method.active && <span className="ml-2 rounded bg-stone-200 px-2 py-0.5 text-xs">Hidden</span>}
        </p>
        <p className="text-sm text-stone-600">
          {method.price === 0 ? 'Free' : money(method.price)}
          {method.free_above != null && method.price > 0 && `, free from ${money(method.free_above)}`}
          {method.description && ` · ${method.description}`}
        </p>
      </div>
      <Button
        size="sm"
        variant="secondary"
        onClick={() => setEditing(true)}
        aria-label={`Edit ${method.name}`}
      >
        Edit
      </Button>
      <Button
        size="sm"
        variant="secondary"
        busy={update.isPending}
        onClick={() => update.mutate({ id: method.id, change: { active: !method.active } })}
        aria-label={`${method.active ? 'Hide' : 'Offer'} ${method.name}`}
      >
        {method.active ? 'Hide' : 'Offer'}
      </Button>
    </li>
  );
}
