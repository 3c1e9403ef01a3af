import { useState, type FormEvent } from 'react';
import type { ProductInput } from '../../../api/types';
import { errorMessage } from '../../../api/errors';
import { Button } from '../../../components/Button';
import { SelectField } from '../../../components/SelectField';
import { TextArea } from '../../../components/TextArea';
import { TextField } from '../../../components/TextField';
import { useCategories, usePricing, useShopCurrency } from '../../catalog/api';
import { categoryOptions } from './categoryOptions';
import { ImageRows } from './ImageRows';
import { KeyValueRows } from './KeyValueRows';
import { PRODUCT_STATUSES } from './productStatus';
import { toInput, type DraftErrors, type ProductDraft } from './productDraft';

interface ProductFormProps {
  initial: ProductDraft;
  /** Creating asks for a slug; an existing product keeps its own. */
  creating: boolean;
  submitLabel: string;
  saving: boolean;
  error: unknown;
  onSubmit: (input: ProductInput) => void;
}

export function ProductForm({ initial, creating, submitLabel, saving, error, onSubmit }: ProductFormProps) {
  const [draft, setDraft] = useState(initial);
  const [errors, setErrors] = useState<DraftErrors>({});
  const categories = useCategories();
  const pricing = usePricing();
  const currency = useShopCurrency();
  const set =
    <K extends keyof ProductDraft>(key: K) =>
    (value: ProductDraft[K]) =>
      setDraft((d) => ({ ...d, [key]: value }));

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const result = toInput(draft, currency);
    if ('errors' in result) {
      setErrors(result.errors);
      const form = event.currentTarget;
      requestAnimationFrame(() => form.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus());
      return;
    }
    setErrors({});
    onSubmit(result.input);
  }

  return (
    <form onSubmit={submit} noValidate className="space-y-5" aria-label="Product">
      <div className="grid gap-4 sm:grid-cols-2">
        <TextField
          label="Name"
          value={draft.name}
          onChange={(e) => set('name')(e.target.value)}
          error={errors.name}
          required
        />
        {creating && (
          <TextField
            label="Slug (optional)"
            value={draft.slug}
            onChange={(e) => set('slug')(e.target.value)}
            error={errors.slug}
            hint="The product's address: /p/slug. Made from the name when empty."
          />
        )}
        <TextArea
          label="Description"
          rows={3}
          className="sm:col-span-2"
          value={draft.description}
          onChange={(e) => set('description')(e.target.value)}
        />
        <TextField
          label="Price"
          inputMode="decimal"
          value={draft.price}
          onChange={(e) => set('price')(e.target.value)}
          error={errors.price}
          hint={`In ${currency}, the shop's currency${pricing.data?.prices_include_tax ? ', including VAT' : ', before tax'}: e.g. 11.90`}
          required
        />
        <SelectField
          label="Category"
          value={draft.category}
          onChange={(e) => set('category')(e.target.value)}
          aria-invalid={errors.category ? true : undefined}
          aria-describedby={errors.category ? 'category-error' : undefined}
          required
        >
          <option value="">Choose a category</option>
          {categoryOptions(categories.data).map((c) => (
            <option key={c.slug} value={c.slug}>
              {c.label}
            </option>
          ))}
        </SelectField>
        <SelectField
          label="Status"
          value={draft.status}
          onChange={(e) => {
            const picked = PRODUCT_STATUSES.find((s) => s.value === e.target.value);
            if (picked) set('status')(picked.value);
          }}
          aria-describedby="status-hint"
        >
          {PRODUCT_STATUSES.map((s) => (
            <option key={s.value} value={s.value}>
              {s.label}
            </option>
          ))}
        </SelectField>
        <p id="status-hint" className="-mt-2 self-end text-sm text-stone-600 sm:mt-0 sm:pb-2">
          {PRODUCT_STATUSES.find((s) => s.value === draft.status)?.hint}
        </p>
        <TextField
          label="Brand (optional)"
          value={draft.brand}
          onChange={(e) => set('brand')(e.target.value)}
        />
        {errors.category && (
          <p id="category-error" className="-mt-2 text-sm font-medium text-red-700 sm:col-span-2">
            {errors.category}
          </p>
        )}
      </div>
      <ImageRows images={draft.images} onChange={set('images')} error={errors.images} />
      <KeyValueRows rows={draft.attributes} onChange={set('attributes')} error={errors.attributes} />
      {error !== null && error !== undefined && (
        <p role="alert" className="rounded-lg bg-red-50 p-3 text-sm font-medium text-red-800">
          {errorMessage(error)}
        </p>
      )}
      {Object.keys(errors).length > 0 && (
        <p role="alert" className="text-sm font-medium text-red-700">
          Please correct the fields marked above.
        </p>
      )}
      <Button type="submit" busy={saving}>
        {submitLabel}
      </Button>
    </form>
  );
}
