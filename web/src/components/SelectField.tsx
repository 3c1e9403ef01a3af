import { useId, type SelectHTMLAttributes } from 'react';
import { inputClasses } from './TextField';

interface SelectFieldProps extends Omit<SelectHTMLAttributes<HTMLSelectElement>, 'id'> {
  label: string;
  /** A fixed id, for links to the field (an error summary); a generated one otherwise. */
  id?: string | undefined;
}

export function SelectField({ label, className = '', children, id: fixedId, ...rest }: SelectFieldProps) {
  const generatedId = useId();
  const id = fixedId ?? generatedId;
  return (
    <div className={className}>
      <label htmlFor={id} className="mb-1 block text-sm font-medium text-stone-800">
        {label}
      </label>
      <select id={id} className={inputClasses} {...rest}>
        {children}
      </select>
    </div>
  );
}
