import { Link } from 'react-router';
import type { CartItem } from '../../api/types';
import { errorMessage } from '../../api/errors';
import { Button } from '../../components/Button';
import { Price } from '../../components/Price';
import { ProductImage } from '../../components/ProductImage';
import { useRemoveLine, useSetQuantity } from './api';
import { quantityChoices, shortfall } from './quantityChoices';

interface CartLineProps {
  item: CartItem;
  currency: string;
}

/** One basket line: product, editable quantity, line total, remove. */
export function CartLine({ item, currency }: CartLineProps) {
  const setQuantity = useSetQuantity();
  const remove = useRemoveLine();
  const error = setQuantity.error ?? remove.error;
  const busy = setQuantity.isPending || remove.isPending;
  const short = shortfall(item.name, item.quantity, item.available);

  return (
    <li className="flex gap-4 py-4" aria-busy={busy}>
      <div className="w-20 shrink-0 sm:w-28">
        <ProductImage name={item.name} category={item.category} size="sm" />
      </div>
      <div className="flex min-w-0 flex-1 flex-col gap-2">
        <div className="flex flex-wrap items-start justify-between gap-2">
          <div className="min-w-0">
            <h2 className="font-semibold">
              <Link to={`/p/${item.slug}`} className="hover:underline">
                {item.name}
              </Link>
            </h2>
            <p className="text-sm text-stone-600">
              <Price amount={item.unit_price} currency={currency} /> each
            </p>
          </div>
          <p className="font-semibold">
            <span className="sr-only">Line total: </span>
            <Price amount={item.line_total} currency={currency} />
          </p>
        </div>
        <div className="flex flex-wrap items-center gap-3">
          <label className="flex items-center gap-2 text-sm">
            <span className="text-stone-700">Quantity</span>
            <select
              aria-label={`Quantity of ${item.name}`}
              value={item.quantity}
              disabled={busy}
              onChange={(e) => setQuantity.mutate({ itemId: item.item_id, quantity: Number(e.target.value) })}
              className="rounded-lg border border-stone-400 bg-white px-2 py-1.5 tabular-nums"
            >
              {quantityChoices(item.quantity, item.available).map((n) => (
                <option key={n} value={n}>
                  {n}
                </option>
              ))}
            </select>
          </label>
          <Button
            variant="ghost"
            size="sm"
            disabled={busy}
            onClick={() => remove.mutate(item.item_id)}
            aria-label={`Remove ${item.name}`}
          >
            Remove
          </Button>
        </div>
        {short && !error && <p className="text-sm font-medium text-amber-900">{short}</p>}
        {error && (
          <p role="alert" className="text-sm font-medium text-red-700">
            {errorMessage(error)}
          </p>
        )}
      </div>
    </li>
  );
}
