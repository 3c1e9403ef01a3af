import { useState, type FormEvent } from 'react';
import type { Category } from '../../../api/types';
import { errorMessage } from '../../../api/errors';
import { Button } from '../../../components/Button';
import { TextField } from '../../../components/TextField';
import { formatRate, parseRate } from '../../../lib/taxRate';
import { ConfirmButton } from '../../../components/ConfirmButton';
import { SelectField } from '../../../components/SelectField';
import { useCategories } from '../../catalog/api';
import { useDeleteCategory, useUpdateCategory } from '../products/api';
import { categoryOptions } from '../products/categoryOptions';

/** Where a category may move: anywhere but itself and what is under it. */
function parentChoices(tree: Category[] | undefined, category: Category) {
  const own = new Set<string>();
  const collect = (c: Category) => {
    own.add(c.slug);
    c.children.forEach(collect);
  };
  collect(category);
  return categoryOptions(tree).filter((option) => !own.has(option.slug));
}

/** Renames, moves or removes one category, or sets its own tax rate (empty: the parent's). */
export function CategoryEditor({ category, onDone }: { category: Category; onDone: () => void }) {
  const update = useUpdateCategory();
  const remove = useDeleteCategory();
  const categories = useCategories();
  const [parent, setParent] = useState(category.parent ?? '');
  const [name, setName] = useState(category.name);
  const [rate, setRate] = useState(
    category.tax_rate_bp === null || category.tax_rate_bp === undefined
      ? ''
      : String(category.tax_rate_bp / 100),
  );
  const [problems, setProblems] = useState<{ name?: string | undefined; rate?: string | undefined }>({});

  function submit(event: FormEvent) {
    event.preventDefault();
    const basisPoints = rate.trim() ? parseRate(rate) : null;
    const found = {
      name: name.trim() ? undefined : 'Enter the category name.',
      rate:
        rate.trim() && basisPoints === null ? 'Enter a percentage from 0 to 100, e.g. 7 or 5.5.' : undefined,
    };
    setProblems(found);
    if (found.name || found.rate) return;
    update.mutate(
      {
        slug: category.slug,
        patch: {
          name: name.trim(),
          tax_rate_bp: basisPoints,
          // Only a changed parent moves the category (and everything under it).
          ...(parent !== (category.parent ?? '') ? { parent: parent || null } : {}),
        },
      },
      { onSuccess: onDone },
    );
  }

  return (
    <form
      onSubmit={submit}
      noValidate
      aria-label={`Edit ${category.name}`}
      className="mt-2 space-y-3 rounded-xl border border-stone-200 bg-stone-50 p-3"
    >
      <TextField
        label="Name"
        value={name}
        onChange={(e) => setName(e.target.value)}
        error={problems.name}
        required
      />
      <TextField
        label="Tax rate (%)"
        inputMode="decimal"
        value={rate}
        placeholder={`Inherited: ${formatRate(category.effective_tax_rate_bp)}`}
        onChange={(e) => setRate(e.target.value)}
        error={problems.rate}
        hint="Its products and its sub-categories' are taxed at it. Empty: the parent's rate."
      />
      <SelectField label="Parent category" value={parent} onChange={(e) => setParent(e.target.value)}>
        <option value="">None (a top category)</option>
        {parentChoices(categories.data, category).map((c) => (
          <option key={c.slug} value={c.slug}>
            {c.label}
          </option>
        ))}
      </SelectField>
      {update.isError && (
        <p role="alert" className="text-sm font-medium text-red-700">
          {errorMessage(update.error)}
        </p>
      )}
      <div className="flex gap-2">
        <Button type="submit" size="sm" busy={update.isPending}>
          Save
        </Button>
        <Button type="button" size="sm" variant="ghost" onClick={onDone}>
          Cancel
        </Button>
        <ConfirmButton
          label="Delete"
          ariaLabel={`Delete ${category.name}`}
          variant="danger"
          size="sm"
          title={`Delete ${category.name}?`}
          confirmLabel="Delete category"
          action={remove}
          run={(done) => remove.mutate(category.slug, { onSuccess: done })}
        >
          Only a category without products and sub-categories can go: move them first.
        </ConfirmButton>
      </div>
    </form>
  );
}
