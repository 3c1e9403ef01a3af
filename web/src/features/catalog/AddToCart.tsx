import { useState } from 'react';
import { Link } from 'react-router';
import type { Product } from '../../api/types';
import { Button } from '../../components/Button';
import { QuantityInput } from '../../components/QuantityInput';
import { errorMessage } from '../../api/errors';
import { useAddToCart } from '../cart/api';

/** Quantity and "Add to cart"; disabled when nothing is left. */
export function AddToCart({ product }: { product: Product }) {
  const [quantity, setQuantity] = useState(1);
  const add = useAddToCart();
  const available = product.stock?.available ?? null;
  const soldOut = available !== null && available <= 0;
  const max = Math.min(99, available ?? 99);

  return (
    <div className="space-y-3">
      <div className="flex flex-wrap items-end gap-3">
        <QuantityInput value={quantity} onChange={setQuantity} max={max} disabled={soldOut} />
        <Button
          size="lg"
          disabled={soldOut}
          busy={add.isPending}
          onClick={() => add.mutate({ product_id: product.id, quantity })}
          className="flex-1 sm:flex-none"
        >
          Add to cart
        </Button>
      </div>
      <div aria-live="polite" className="min-h-6 text-sm">
        {add.isSuccess && (
          <p className="font-medium text-emerald-800">
            Added to your basket.{' '}
            <Link to="/basket" className="underline">
              View basket
            </Link>
          </p>
        )}
        {add.isError && (
          <p role="alert" className="font-medium text-red-700">
            {errorMessage(add.error)}
          </p>
        )}
      </div>
    </div>
  );
}
