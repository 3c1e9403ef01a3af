import { ConfirmButton } from '../../components/ConfirmButton';
import { useCancelOrder } from './api';

interface CancelOrderButtonProps {
  orderId: string;
  /** How people name the order (its number). */
  label: string;
}

/** Cancels an unpaid order after a confirmation: the reserved items go back on sale at once. */
export function CancelOrderButton({ orderId, label }: CancelOrderButtonProps) {
  const cancel = useCancelOrder(orderId);
  return (
    <ConfirmButton
      label="Cancel order"
      size="sm"
      title={`Cancel order ${label}?`}
      confirmLabel="Cancel order"
      action={cancel}
      run={(done) => cancel.mutate(undefined, { onSuccess: done })}
    >
      Nothing has been paid for it. Its items go back on sale and the order cannot be paid any more.
    </ConfirmButton>
  );
}
