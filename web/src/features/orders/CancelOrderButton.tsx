import { useState } from 'react';
import { Button } from '../../components/Button';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { useCancelOrder } from './api';

interface CancelOrderButtonProps {
  orderId: string;
  /** How people name the order (its number). */
  label: string;
}

/** Cancels an unpaid order after a confirmation: the reserved items go back on sale at once. */
export function CancelOrderButton({ orderId, label }: CancelOrderButtonProps) {
  const [open, setOpen] = useState(false);
  const cancel = useCancelOrder(orderId);
  return (
    <>
      <Button variant="secondary" size="sm" onClick={() => setOpen(true)}>
        Cancel order
      </Button>
      <ConfirmDialog
        open={open}
        title={`Cancel order ${label}?`}
        confirmLabel="Cancel order"
        cancelLabel="Keep it"
        danger
        busy={cancel.isPending}
        error={cancel.error}
        onClose={() => {
          setOpen(false);
          cancel.reset();
        }}
        onConfirm={() => cancel.mutate(undefined, { onSuccess: () => setOpen(false) })}
      >
        Nothing has been paid for it. Its items go back on sale and the order cannot be paid any more.
      </ConfirmDialog>
    </>
  );
}
