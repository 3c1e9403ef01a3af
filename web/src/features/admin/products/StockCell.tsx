import { stockLabel } from '../../../lib/stock';
import { useStock } from './api';

export function StockCell({ productId }: { productId: string }) {
  const stock = useStock(productId);
  if (stock.isPending) return <span className="text-stone-600">…</span>;
  if (stock.error) return <span className="text-red-700">Unknown</span>;
  return (
    <span title={stockLabel(stock.data.available)} className="tabular-nums">
      {stock.data.available}
      {stock.data.reserved > 0 && <span className="text-stone-600"> (+{stock.data.reserved} reserved)</span>}
    </span>
  );
}
