import { formatMoney } from '../lib/money';

interface PriceProps {
  amount: number;
  currency: string;
  className?: string;
}

export function Price({ amount, currency, className = '' }: PriceProps) {
  return <span className={`tabular-nums ${className}`}>{formatMoney(amount, currency)}</span>;
}
