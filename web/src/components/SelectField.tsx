import { useId, type SelectHTMLAttributes } from 'react';
import { inputClasses } from './TextField';

interface SelectFieldProps extends Omit<SelectHTMLAttributes<HTMLSelectElement>, 'id'> {
  label: string;
}

export function SelectField({ label, className = '', children, ...rest }: SelectFieldProps) {
  const id = useId();
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
