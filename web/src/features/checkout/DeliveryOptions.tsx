import type { DeliveryMethod } from '../../api/types';
import { deliveryPrice } from '../../lib/delivery';
import { formatMoney } from '../../lib/money';

interface DeliveryOptionsProps {
  methods: DeliveryMethod[];
  /** The goods as listed: a method may be free from a threshold of them. */
  goods: number;
  value: string | null;
  onChange: (methodId: string) => void;
  disabled?: boolean;
}

/** The delivery methods as radio buttons, each with what it costs for this basket. */
export function DeliveryOptions({ methods, goods, value, onChange, disabled = false }: DeliveryOptionsProps) {
  return (
    <fieldset className="space-y-2" disabled={disabled}>
      <legend className="mb-2 font-semibold">Delivery method</legend>
      {methods.map((m) => {
        const price = deliveryPrice(m, goods);
        return (
          <label
            key={m.id}
            className="flex cursor-pointer items-start gap-3 rounded-xl border border-stone-300 bg-white p-3 has-[:checked]:border-orange-700 has-[:checked]:bg-orange-50"
          >
            <input
              type="radio"
              name="delivery-method"
              value={m.id}
              checked={value === m.id}
              onChange={() => onChange(m.id)}
              className="mt-1 accent-orange-700"
            />
            <span className="min-w-0 flex-1">
              <span className="block font-medium break-words">{m.name}</span>
              {m.description && <span className="block text-sm text-stone-600">{m.description}</span>}
              {m.free_above != null && price > 0 && (
                <span className="block text-sm text-stone-600">
                  Free from {formatMoney(m.free_above, m.currency)}
                </span>
              )}
            </span>
            <span className="font-medium tabular-nums">
              {price === 0 ? 'Free' : formatMoney(price, m.currency)}
            </span>
          </label>
        );
      })}
    </fieldset>
  );
}
