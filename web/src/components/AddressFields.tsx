import { COUNTRIES } from '../lib/countries';
import { SelectField } from './SelectField';
import { TextField } from './TextField';
import { useId } from 'react';
import { addressFieldId, type AddressProblems, type AddressValue } from '../lib/address';

interface AddressFieldsProps {
  value: AddressValue;
  onChange: (value: AddressValue) => void;
  errors?: AddressProblems;
  withName?: boolean;
  /** Names the form in its fields' ids (`addressFieldId`), for links to them. */
  form?: string;
}

/** Name, street, town, postcode and country, with autocomplete hints for browsers. */
export function AddressFields({ value, onChange, errors = {}, withName = true, form }: AddressFieldsProps) {
  const generated = useId();
  const idOf = (field: keyof AddressValue) => addressFieldId(form ?? generated, field);
  const set = (field: keyof AddressValue) => (e: { target: { value: string } }) =>
    onChange({ ...value, [field]: e.target.value });
  return (
    <div className="grid gap-4 sm:grid-cols-2">
      {withName && (
        <TextField
          label="Full name"
          autoComplete="name"
          id={idOf('name')}
          value={value.name}
          onChange={set('name')}
          error={errors.name}
          required
          className="sm:col-span-2"
        />
      )}
      <TextField
        label="Street and number"
        autoComplete="address-line1"
        id={idOf('line1')}
        value={value.line1}
        onChange={set('line1')}
        error={errors.line1}
        required
        className="sm:col-span-2"
      />
      <TextField
        label="Apartment, floor (optional)"
        autoComplete="address-line2"
        id={idOf('line2')}
        value={value.line2}
        onChange={set('line2')}
        className="sm:col-span-2"
      />
      <TextField
        label="Postcode"
        autoComplete="postal-code"
        id={idOf('postal_code')}
        value={value.postal_code}
        onChange={set('postal_code')}
        error={errors.postal_code}
        required
      />
      <TextField
        label="Town or city"
        autoComplete="address-level2"
        id={idOf('city')}
        value={value.city}
        onChange={set('city')}
        error={errors.city}
        required
      />
      <SelectField
        label="Country"
        autoComplete="country"
        id={idOf('country')}
        value={value.country}
        onChange={set('country')}
        className="sm:col-span-2"
      >
        {COUNTRIES.map((c) => (
          <option key={c.code} value={c.code}>
            {c.name}
          </option>
        ))}
      </SelectField>
    </div>
  );
}
