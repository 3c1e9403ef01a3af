import { useState } from 'react';
import { useNavigate } from 'react-router';
import { errorMessage } from '../../api/errors';
import type { Order } from '../../api/types';
import { Button } from '../../components/Button';
import { useAddToCart } from '../cart/api';

/** Puts a cancelled order's lines back into the basket (placing an order emptied it). */
export function ReorderButton({ order }: { order: Order }) {
  const add = useAddToCart();
  const navigate = useNavigate();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);

  async function reorder() {
    setBusy(true);
    setError(null);
    try {
      for (const line of order.items) {
        await add.mutateAsync({ product_id: line.product_id, quantity: line.quantity });
      }
      void navigate('/basket');
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  }

  return (
    <div className="mt-3">
      <Button variant="secondary" size="sm" busy={busy} onClick={() => void reorder()}>
        Put these items back in the basket
      </Button>
      {error !== null && (
        <p role="alert" className="mt-2 text-sm font-medium text-red-700">
          {errorMessage(error)}
        </p>
      )}
    </div>
  );
}
