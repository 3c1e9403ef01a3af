import { useId } from 'react';

interface QuantityInputProps {
  value: number;
  onChange: (value: number) => void;
  max?: number;
  label?: string;
  disabled?: boolean;
}

/** A number field with − and + buttons (1 to `max`). */
export function QuantityInput({
  value,
  onChange,
  max = 99,
  label = 'Quantity',
  disabled = false,
}: QuantityInputProps) {
  const id = useId();
  const clamp = (n: number) =>
    Math.min(Math.max(1, Number.isFinite(n) ? Math.round(n) : 1), Math.max(1, max));
  const step =
    'h-10 w-10 text-lg font-bold text-stone-800 hover:bg-stone-100 disabled:opacity-50 disabled:hover:bg-transparent';
  return (
    <div>
      <label htmlFor={id} className="mb-1 block text-sm font-medium text-stone-800">
        {label}
      </label>
      <div className="inline-flex items-center overflow-hidden rounded-lg border border-stone-400 bg-white">
        <button
          type="button"
          className={step}
          onClick={() => onChange(clamp(value - 1))}
          disabled={disabled || value <= 1}
          aria-label="Decrease quantity"
        >
          −
        </button>
        <input
          id={id}
          type="number"
          inputMode="numeric"
          min={1}
          max={max}
          value={value}
          disabled={disabled}
          onChange={(e) => onChange(clamp(e.target.valueAsNumber))}
          className="h-10 w-14 border-x border-stone-300 text-center tabular-nums [appearance:textfield] [&::-webkit-inner-spin-button]:appearance-none"
        />
        <button
          type="button"
          className={step}
          onClick={() => onChange(clamp(value + 1))}
          disabled={disabled || value >= max}
          aria-label="Increase quantity"
        >
          +
        </button>
      </div>
    </div>
  );
}
