import { formatMoney } from '../../lib/money';

interface CartTotalsProps {
  subtotal: number;
  tax: number;
  total: number;
  currency: string;
  className?: string;
}

/** Subtotal, tax and total as a description list. */
export function CartTotals({ subtotal, tax, total, currency, className = '' }: CartTotalsProps) {
  return (
    <dl className={`space-y-2 text-sm ${className}`}>
      <div className="flex justify-between gap-4">
        <dt className="text-stone-600">Subtotal</dt>
        <dd className="tabular-nums" data-testid="subtotal">
          {formatMoney(subtotal, currency)}
        </dd>
      </div>
      <div className="flex justify-between gap-4">
        <dt className="text-stone-600">Tax</dt>
        <dd className="tabular-nums" data-testid="tax">
          {formatMoney(tax, currency)}
        </dd>
      </div>
      <div className="flex justify-between gap-4 border-t border-stone-200 pt-2 text-base font-semibold">
        <dt>Total</dt>
        <dd className="tabular-nums" data-testid="total">
          {formatMoney(total, currency)}
        </dd>
      </div>
    </dl>
  );
}
