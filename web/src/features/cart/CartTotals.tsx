import type { Totals } from '../../api/types';
import { formatMoney } from '../../lib/money';
import { formatRate } from '../../lib/taxRate';

function Row({
  term,
  amount,
  testId,
  strong = false,
}: {
  term: string;
  amount: string;
  testId?: string;
  strong?: boolean;
}) {
  return (
    <div
      className={`flex justify-between gap-4 ${strong ? 'border-t border-stone-200 pt-2 text-base font-semibold' : ''}`}
    >
      <dt className={strong ? undefined : 'text-stone-600'}>{term}</dt>
      <dd className="tabular-nums" data-testid={testId}>
        {amount}
      </dd>
    </div>
  );
}

/** A basket's or order's totals as a receipt prints them. With prices including tax (an EU
 * shop) delivery (as listed) and the total come first and the VAT it contains follows, per
 * rate; otherwise the subtotal, delivery, the tax added per rate, and the total. A delivery
 * line shows when there is a method (`deliveryName`), "Free" when it costs nothing. */
export function CartTotals({
  totals,
  deliveryName,
  className = '',
}: {
  totals: Totals;
  deliveryName?: string | null;
  className?: string;
}) {
  const money = (amount: number) => formatMoney(amount, totals.currency);
  const taxLines = totals.tax_lines ?? [];
  const listed = totals.prices_include_tax ? totals.delivery + totals.delivery_tax : totals.delivery;
  const delivery = deliveryName ? (
    <Row
      term={`Delivery, ${deliveryName}`}
      amount={listed === 0 ? 'Free' : money(listed)}
      testId="delivery"
    />
  ) : null;
  if (totals.prices_include_tax) {
    return (
      <dl className={`space-y-2 text-sm ${className}`}>
        {delivery}
        <Row term="Total" amount={money(totals.total)} testId="total" strong />
        {taxLines.map((line) => (
          <Row key={line.rate_bp} term={`incl. ${formatRate(line.rate_bp)} VAT`} amount={money(line.tax)} />
        ))}
      </dl>
    );
  }
  return (
    <dl className={`space-y-2 text-sm ${className}`}>
      <Row term="Subtotal" amount={money(totals.subtotal)} testId="subtotal" />
      {delivery}
      {taxLines.length > 0 ? (
        taxLines.map((line) => (
          <Row key={line.rate_bp} term={`Tax ${formatRate(line.rate_bp)}`} amount={money(line.tax)} />
        ))
      ) : (
        <Row term="Tax" amount={money(totals.tax)} testId="tax" />
      )}
      <Row term="Total" amount={money(totals.total)} testId="total" strong />
    </dl>
  );
}
