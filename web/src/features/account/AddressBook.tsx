import { useState } from 'react';
import type { Address } from '../../api/types';
import { AddressFields } from '../../components/AddressFields';
import { addressProblems, EMPTY_ADDRESS, type AddressProblems, type AddressValue } from '../../lib/address';
import { Button } from '../../components/Button';
import { TextField } from '../../components/TextField';
import { countryName } from '../../lib/countries';

interface AddressBookProps {
  addresses: Address[];
  onChange: (addresses: Address[]) => void;
  saving: boolean;
}

function toAddress(value: AddressValue, label: string): Address {
  return {
    label: label.trim() || null,
    line1: value.line1.trim(),
    line2: value.line2.trim() || null,
    city: value.city.trim(),
    postal_code: value.postal_code.trim(),
    country: value.country,
  };
}

function toValue(address: Address): AddressValue {
  return {
    name: '',
    line1: address.line1,
    line2: address.line2 ?? '',
    city: address.city,
    postal_code: address.postal_code,
    country: address.country,
  };
}

function AddressEditor({
  initial,
  onSave,
  onCancel,
  saving,
}: {
  initial: Address | null;
  onSave: (address: Address) => void;
  onCancel: () => void;
  saving: boolean;
}) {
  const [label, setLabel] = useState(initial?.label ?? '');
  const [value, setValue] = useState<AddressValue>(initial ? toValue(initial) : EMPTY_ADDRESS);
  const [errors, setErrors] = useState<AddressProblems>({});
  return (
    <form
      noValidate
      aria-label={initial ? 'Edit address' : 'New address'}
      className="space-y-4 rounded-xl border border-stone-200 bg-stone-50 p-4"
      onSubmit={(e) => {
        e.preventDefault();
        const found = addressProblems(value, { needName: false });
        setErrors(found);
        if (Object.keys(found).length === 0) onSave(toAddress(value, label));
      }}
    >
      <TextField
        label="Label (optional)"
        placeholder="Home, Work…"
        value={label}
        onChange={(e) => setLabel(e.target.value)}
      />
      <AddressFields value={value} onChange={setValue} errors={errors} withName={false} />
      <div className="flex gap-2">
        <Button type="submit" busy={saving}>
          Save address
        </Button>
        <Button variant="secondary" onClick={onCancel}>
          Cancel
        </Button>
      </div>
    </form>
  );
}

/** The profile's saved addresses: add, edit, remove (each change saves the whole list). */
export function AddressBook({ addresses, onChange, saving }: AddressBookProps) {
  const [editing, setEditing] = useState<number | 'new' | null>(null);

  function save(address: Address) {
    const next =
      editing === 'new' ? [...addresses, address] : addresses.map((a, i) => (i === editing ? address : a));
    onChange(next);
    setEditing(null);
  }

  return (
    <div className="space-y-3">
      {addresses.length === 0 && editing === null && (
        <p className="text-stone-600">No saved addresses yet.</p>
      )}
      <ul className="space-y-3">
        {addresses.map((address, i) =>
          editing === i ? (
            <li key={i}>
              <AddressEditor
                initial={address}
                onSave={save}
                onCancel={() => setEditing(null)}
                saving={saving}
              />
            </li>
          ) : (
            <li
              key={i}
              className="flex flex-wrap items-start justify-between gap-3 rounded-xl border border-stone-200 p-4"
            >
              <address className="not-italic">
                {address.label && <span className="block font-semibold">{address.label}</span>}
                <span className="block">{address.line1}</span>
                {address.line2 && <span className="block">{address.line2}</span>}
                <span className="block">
                  {address.postal_code} {address.city}
                </span>
                <span className="block">{countryName(address.country)}</span>
              </address>
              <div className="flex gap-2">
                <Button
                  variant="secondary"
                  size="sm"
                  onClick={() => setEditing(i)}
                  aria-label={`Edit address ${address.label ?? address.line1}`}
                >
                  Edit
                </Button>
                <Button
                  variant="ghost"
                  size="sm"
                  disabled={saving}
                  onClick={() => onChange(addresses.filter((_, j) => j !== i))}
                  aria-label={`Remove address ${address.label ?? address.line1}`}
                >
                  Remove
                </Button>
              </div>
            </li>
          ),
        )}
      </ul>
      {editing === 'new' ? (
        <AddressEditor initial={null} onSave={save} onCancel={() => setEditing(null)} saving={saving} />
      ) : (
        <Button variant="secondary" onClick={() => setEditing('new')}>
          Add an address
        </Button>
      )}
    </div>
  );
}
