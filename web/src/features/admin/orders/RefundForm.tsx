import { useState, type FormEvent } from 'react';
import type { Payment } from '../../../api/types';
import { Button } from '../../../components/Button';
import { ConfirmDialog } from '../../../components/ConfirmDialog';
import { TextField } from '../../../components/TextField';
import { formatMoney, parseMoney } from '../../../lib/money';
import { useRefund } from './api';

/** Refund all that is left of a captured payment, or part of it, after a confirmation. */
export function RefundForm({ payment, orderLabel }: { payment: Payment; orderLabel: string }) {
  const left = payment.amount - payment.refunded_amount;
  const [text, setText] = useState('');
  const [problem, setProblem] = useState<string | undefined>();
  const [amount, setAmount] = useState<number | null>(null);
  const [confirming, setConfirming] = useState(false);
  const refund = useRefund(payment.order_id);

  function submit(event: FormEvent) {
    event.preventDefault();
    const parsed = text.trim() ? parseMoney(text, payment.currency) : null;
    if (text.trim() && (parsed === null || parsed <= 0)) {
      setProblem('Enter a positive amount, e.g. 5.00, or leave it empty for a full refund.');
      return;
    }
    if (parsed !== null && parsed > left) {
      setProblem(`At most ${formatMoney(left, payment.currency)} is left to refund.`);
      return;
    }
    setProblem(undefined);
    setAmount(parsed);
    setConfirming(true);
  }

  const shown = formatMoney(amount ?? left, payment.currency);
  return (
    <form onSubmit={submit} noValidate className="mt-3 flex flex-wrap items-end gap-2" aria-label="Refund">
      <TextField
        label="Refund amount"
        inputMode="decimal"
        value={text}
        onChange={(e) => setText(e.target.value)}
        error={problem}
        hint={`Empty refunds everything left: ${formatMoney(left, payment.currency)}.`}
        className="w-64"
      />
      <Button type="submit" variant="danger">
        Refund
      </Button>
      <ConfirmDialog
        open={confirming}
        title={`Refund ${shown}?`}
        confirmLabel={`Refund ${shown}`}
        cancelLabel="Don’t refund"
        danger
        busy={refund.isPending}
        error={refund.error}
        onClose={() => {
          setConfirming(false);
          refund.reset();
        }}
        onConfirm={() =>
          refund.mutate(
            { transactionId: payment.transaction_id, amount },
            {
              onSuccess: () => {
                setConfirming(false);
                setText('');
              },
            },
          )
        }
      >
        {shown} goes back to the customer’s payment method for order {orderLabel}.
      </ConfirmDialog>
      {refund.isSuccess && (
        <p role="status" className="w-full text-sm font-medium text-emerald-800">
          Refunded {formatMoney(refund.data.refunded_amount, payment.currency)} in all.
        </p>
      )}
    </form>
  );
}
