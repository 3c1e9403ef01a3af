import { useState, type FormEvent } from 'react';
import { errorMessage } from '../../../api/errors';
import { Button } from '../../../components/Button';
import { ErrorMessage } from '../../../components/ErrorMessage';
import { TextField } from '../../../components/TextField';
import { useSetStock, useStock } from './api';

/** The product's stock, and setting how many units are available. */
export function StockPanel({ productId }: { productId: string }) {
  const stock = useStock(productId);
  const update = useSetStock(productId);
  const [value, setValue] = useState('');
  const [problem, setProblem] = useState<string | undefined>();

  function submit(event: FormEvent) {
    event.preventDefault();
    if (!/^\d+$/.test(value.trim())) {
      setProblem('Enter a whole number of units, 0 or more.');
      return;
    }
    setProblem(undefined);
    update.mutate(Number(value.trim()), { onSuccess: () => setValue('') });
  }

  return (
    <section aria-labelledby="stock-heading" className="rounded-2xl border border-stone-200 bg-white p-5">
      <h2 id="stock-heading" className="mb-3 text-lg font-semibold">
        Stock
      </h2>
      {stock.error ? (
        <ErrorMessage error={stock.error} title="Stock did not load." />
      ) : (
        <dl className="mb-4 grid grid-cols-2 gap-2 text-sm" aria-live="polite">
          <div>
            <dt className="text-stone-600">Available</dt>
            <dd className="text-2xl font-bold tabular-nums" data-testid="stock-available">
              {stock.data?.available ?? '…'}
            </dd>
          </div>
          <div>
            <dt className="text-stone-600">Reserved for unpaid orders</dt>
            <dd className="text-2xl font-bold tabular-nums">{stock.data?.reserved ?? '…'}</dd>
          </div>
        </dl>
      )}
      <form onSubmit={submit} noValidate className="flex flex-wrap items-end gap-2">
        <TextField
          label="Set available units"
          inputMode="numeric"
          value={value}
          onChange={(e) => setValue(e.target.value)}
          error={problem}
          className="w-44"
        />
        <Button type="submit" variant="secondary" busy={update.isPending}>
          Update stock
        </Button>
      </form>
      <div aria-live="polite" className="mt-2 text-sm">
        {update.isSuccess && <p className="font-medium text-emerald-800">Stock updated.</p>}
        {update.isError && (
          <p role="alert" className="font-medium text-red-700">
            {errorMessage(update.error)}
          </p>
        )}
      </div>
    </section>
  );
}
