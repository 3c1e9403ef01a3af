import { useId, type InputHTMLAttributes } from 'react';

interface TextFieldProps extends Omit<InputHTMLAttributes<HTMLInputElement>, 'id'> {
  label: string;
  /** A fixed id, for links to the field (an error summary); a generated one otherwise. */
  id?: string | undefined;
  /** A problem with the value; shown under the field, linked with aria-describedby. */
  error?: string | undefined;
  hint?: string;
}

export const inputClasses =
  'block w-full rounded-lg border border-stone-400 bg-white px-3 py-2 text-stone-900 ' +
  'placeholder:text-stone-500 focus:border-orange-700 aria-[invalid=true]:border-red-700';

export function TextField({
  label,
  error,
  hint,
  className = '',
  required,
  id: fixedId,
  ...rest
}: TextFieldProps) {
  const generatedId = useId();
  const id = fixedId ?? generatedId;
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  const describedBy = [hint ? hintId : null, error ? errorId : null].filter(Boolean).join(' ');
  return (
    <div className={className}>
      <label htmlFor={id} className="mb-1 block text-sm font-medium text-stone-800">
        {label}
      </label>
      <input
        id={id}
        required={required}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy || undefined}
        className={inputClasses}
        {...rest}
      />
      {hint && (
        <p id={hintId} className="mt-1 text-xs text-stone-600">
          {hint}
        </p>
      )}
      {error && (
        <p id={errorId} className="mt-1 text-sm font-medium text-red-700">
          {error}
        </p>
      )}
    </div>
  );
}
