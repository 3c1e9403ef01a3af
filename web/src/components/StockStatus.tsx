import { stockLabel, stockState } from '../lib/stock';

const tones = {
  in_stock: 'text-emerald-800',
  low: 'text-amber-800',
  out: 'text-red-700',
  unknown: 'text-stone-600',
};

const dots = {
  in_stock: 'bg-emerald-600',
  low: 'bg-amber-500',
  out: 'bg-red-600',
  unknown: 'bg-stone-400',
};

export function StockStatus({ available }: { available: number | null | undefined }) {
  const state = stockState(available);
  return (
    <span className={`inline-flex items-center gap-1.5 text-sm font-medium ${tones[state]}`}>
      <span aria-hidden="true" className={`h-2 w-2 rounded-full ${dots[state]}`} />
      {stockLabel(available)}
    </span>
  );
}
