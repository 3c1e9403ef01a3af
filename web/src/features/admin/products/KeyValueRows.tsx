import type { AttributeRow } from './productDraft';
import { Button } from '../../../components/Button';
import { inputClasses } from '../../../components/TextField';

interface KeyValueRowsProps {
  rows: AttributeRow[];
  onChange: (rows: AttributeRow[]) => void;
  error?: string | undefined;
}

/** Attributes as name/value rows; each input is labelled with its row number. */
export function KeyValueRows({ rows, onChange, error }: KeyValueRowsProps) {
  const set = (i: number, change: Partial<AttributeRow>) =>
    onChange(rows.map((row, j) => (j === i ? { ...row, ...change } : row)));
  return (
    <fieldset aria-describedby={error ? 'attributes-error' : 'attributes-hint'}>
      <legend className="mb-1 text-sm font-medium text-stone-800">Attributes</legend>
      <p id="attributes-hint" className="mb-2 text-xs text-stone-600">
        For example spice = hot, vegan = true, allergens = peanuts, egg (a comma makes a list).
      </p>
      <ul className="space-y-2">
        {rows.map((row, i) => (
          <li key={i} className="flex flex-wrap items-center gap-2">
            <input
              aria-label={`Attribute ${i + 1} name`}
              className={`${inputClasses} !w-36 shrink-0`}
              value={row.key}
              placeholder="name"
              onChange={(e) => set(i, { key: e.target.value })}
            />
            <input
              aria-label={`Attribute ${i + 1} value`}
              className={`${inputClasses} !w-auto min-w-0 flex-1`}
              value={row.value}
              placeholder="value"
              onChange={(e) => set(i, { value: e.target.value })}
            />
            <Button
              variant="ghost"
              size="sm"
              onClick={() => onChange(rows.filter((_, j) => j !== i))}
              aria-label={`Remove attribute ${i + 1}`}
            >
              Remove
            </Button>
          </li>
        ))}
      </ul>
      <Button
        variant="secondary"
        size="sm"
        className="mt-2"
        onClick={() => onChange([...rows, { key: '', value: '' }])}
      >
        Add attribute
      </Button>
      {error && (
        <p id="attributes-error" className="mt-1 text-sm font-medium text-red-700">
          {error}
        </p>
      )}
    </fieldset>
  );
}
