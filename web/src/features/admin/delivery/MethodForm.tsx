import { useState, type FormEvent } from 'react';
import { Button } from '../../../components/Button';
import { ErrorMessage } from '../../../components/ErrorMessage';
import { TextField } from '../../../components/TextField';
import type { DeliveryMethodInput } from '../../delivery/api';
import { parseDraft, type DraftProblems, type MethodDraft } from './methodDraft';

interface MethodFormProps {
  initial: MethodDraft;
  currency: string;
  /** Whether prices include tax: the price field says so. */
  pricesIncludeTax: boolean;
  submitLabel: string;
  busy: boolean;
  error: unknown;
  onSubmit: (input: DeliveryMethodInput) => void;
  onCancel?: () => void;
}

/** Name, description, price and free-delivery threshold of a delivery method. */
export function MethodForm({
  initial,
  currency,
  pricesIncludeTax,
  submitLabel,
  busy,
  error,
  onSubmit,
  onCancel,
}: MethodFormProps) {
  const [draft, setDraft] = useState(initial);
  const [problems, setProblems] = useState<DraftProblems>({});
  const set = (field: keyof MethodDraft) => (e: { target: { value: string } }) =>
    setDraft({ ...draft, [field]: e.target.value });

  function submit(event: FormEvent) {
    event.preventDefault();
    const parsed = parseDraft(draft, currency);
    setProblems(parsed.problems ?? {});
    if (parsed.input) onSubmit(parsed.input);
  }

  return (
    <form onSubmit={submit} noValidate className="grid gap-3 sm:grid-cols-2">
      <TextField label="Name" value={draft.name} onChange={set('name')} error={problems.name} />
      <TextField
        label="When it arrives"
        value={draft.description}
        placeholder="2-3 working days"
        onChange={set('description')}
      />
      <TextField
        label={`Price (${currency}${pricesIncludeTax ? ', incl. VAT' : ''})`}
        inputMode="decimal"
        value={draft.price}
        placeholder="4.90"
        onChange={set('price')}
        error={problems.price}
      />
      <TextField
        label={`Free from (${currency} of goods)`}
        inputMode="decimal"
        value={draft.freeAbove}
        placeholder="Never free"
        onChange={set('freeAbove')}
        error={problems.freeAbove}
      />
      {error != null && (
        <div className="sm:col-span-2">
          <ErrorMessage error={error} title="The delivery method was not saved." />
        </div>
      )}
      <div className="flex gap-2 sm:col-span-2">
        <Button type="submit" busy={busy}>
          {submitLabel}
        </Button>
        {onCancel && (
          <Button type="button" variant="secondary" onClick={onCancel}>
            Cancel
          </Button>
        )}
      </div>
    </form>
  );
}
