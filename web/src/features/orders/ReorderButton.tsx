import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import type { Order } from '../../api/types';
import { Button } from '../../components/Button';
import { useAddToCart } from '../cart/api';
import { addLines, type ReorderFailure } from './reorder';

interface ReorderButtonProps {
  order: Order;
  /** What the button says ("Order again"). */
  label: string;
  className?: string;
}

interface Outcome {
  added: number;
  failures: ReorderFailure[];
}

/**
 * Puts an order's lines (again) into the basket, then goes to the basket. A line the basket
 * refuses (the product is gone or sold out) does not stop the others: those are named instead.
 */
export function ReorderButton({ order, label, className = '' }: ReorderButtonProps) {
  const add = useAddToCart();
  const navigate = useNavigate();
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<Outcome | null>(null);

  async function reorder() {
    setBusy(true);
    setOutcome(null);
    try {
      const failures = await addLines(order.items, (line) =>
        add.mutateAsync({ product_id: line.product_id, quantity: line.quantity }),
      );
      if (failures.length === 0) {
        void navigate('/basket');
        return;
      }
      setOutcome({ added: order.items.length - failures.length, failures });
    } finally {
      setBusy(false);
    }
  }

  return (
    <div className={className}>
      <Button variant="secondary" size="sm" busy={busy} onClick={() => void reorder()}>
        {label}
      </Button>
      {outcome && (
        <div role="alert" className="mt-2 text-sm text-red-700">
          <p className="font-medium">
            {outcome.added > 0
              ? 'Some items could not be added to the basket:'
              : 'The items could not be added to the basket:'}
          </p>
          <ul className="mt-1 list-disc pl-5">
            {outcome.failures.map((f) => (
              <li key={f.productId}>
                {f.name}: {f.reason}
              </li>
            ))}
          </ul>
          {outcome.added > 0 && (
            <Link to="/basket" className="mt-1 inline-block font-semibold text-orange-800 underline">
              Go to the basket
            </Link>
          )}
        </div>
      )}
    </div>
  );
}
