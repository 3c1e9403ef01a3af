import { useState, type FormEvent } from 'react';
import type { Category } from '../../../api/types';
import { errorMessage } from '../../../api/errors';
import { useDocumentTitle } from '../../../components/useDocumentTitle';
import { Button } from '../../../components/Button';
import { ErrorMessage } from '../../../components/ErrorMessage';
import { SelectField } from '../../../components/SelectField';
import { Spinner } from '../../../components/Spinner';
import { TextField } from '../../../components/TextField';
import { useCategories } from '../../catalog/api';
import { useCreateCategory } from '../products/api';
import { categoryOptions } from '../products/categoryOptions';
import { formatRate } from '../../../lib/taxRate';
import { CategoryEditor } from './CategoryEditor';

function CategoryItem({ category }: { category: Category }) {
  const [editing, setEditing] = useState(false);
  const own = category.tax_rate_bp !== null && category.tax_rate_bp !== undefined;
  return (
    <li>
      <div className="flex flex-wrap items-baseline gap-x-2">
        <span className="font-medium">{category.name}</span>
        <span className="text-sm text-stone-600">({category.slug})</span>
        <span className="text-sm text-stone-700" data-testid={`rate-${category.slug}`}>
          · tax {formatRate(category.effective_tax_rate_bp)}
          {own ? '' : ' (inherited)'}
        </span>
        {!editing && (
          <button
            type="button"
            className="text-sm font-medium text-orange-800 underline"
            onClick={() => setEditing(true)}
            aria-label={`Edit ${category.name}`}
          >
            Edit
          </button>
        )}
      </div>
      {editing && <CategoryEditor category={category} onDone={() => setEditing(false)} />}
      {category.children.length > 0 && <Tree categories={category.children} />}
    </li>
  );
}

function Tree({ categories }: { categories: Category[] }) {
  return (
    <ul className="space-y-1 pl-4 first:pl-0">
      {categories.map((c) => (
        <CategoryItem key={c.slug} category={c} />
      ))}
    </ul>
  );
}

function slugify(name: string): string {
  return name
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

export function CategoriesPage() {
  useDocumentTitle('Categories · Admin');
  const categories = useCategories();
  const create = useCreateCategory();
  const [name, setName] = useState('');
  const [slug, setSlug] = useState('');
  const [parent, setParent] = useState('');
  const [problems, setProblems] = useState<{ name?: string | undefined; slug?: string | undefined }>({});

  function submit(event: FormEvent) {
    event.preventDefault();
    const finalSlug = slug.trim() || slugify(name);
    const found = {
      name: name.trim() ? undefined : 'Enter the category name.',
      slug: /^[a-z0-9]+(-[a-z0-9]+)*$/.test(finalSlug)
        ? undefined
        : 'Use lowercase letters, digits and dashes.',
    };
    setProblems(found);
    if (found.name || found.slug) return;
    create.mutate(
      { name: name.trim(), slug: finalSlug, parent: parent || null },
      {
        onSuccess: () => {
          setName('');
          setSlug('');
        },
      },
    );
  }

  return (
    <div className="grid gap-6 lg:grid-cols-2">
      <section aria-labelledby="tree-heading" className="rounded-2xl border border-stone-200 bg-white p-5">
        <h1 id="tree-heading" className="mb-4 text-2xl font-bold">
          Categories
        </h1>
        {categories.isPending ? (
          <Spinner label="Loading categories" />
        ) : categories.error ? (
          <ErrorMessage error={categories.error} onRetry={() => void categories.refetch()} />
        ) : (
          <Tree categories={categories.data} />
        )}
      </section>
      <section
        aria-labelledby="new-category-heading"
        className="h-fit rounded-2xl border border-stone-200 bg-white p-5"
      >
        <h2 id="new-category-heading" className="mb-4 text-lg font-semibold">
          New category
        </h2>
        <form onSubmit={submit} noValidate className="space-y-4" aria-label="New category">
          <TextField
            label="Category name"
            value={name}
            onChange={(e) => setName(e.target.value)}
            error={problems.name}
            required
          />
          <TextField
            label="Category slug"
            value={slug}
            placeholder={slugify(name)}
            onChange={(e) => setSlug(e.target.value)}
            error={problems.slug}
            hint="Used in links, e.g. soups. Made from the name when empty."
          />
          <SelectField label="Parent category" value={parent} onChange={(e) => setParent(e.target.value)}>
            <option value="">None (a top category)</option>
            {categoryOptions(categories.data).map((c) => (
              <option key={c.slug} value={c.slug}>
                {c.label}
              </option>
            ))}
          </SelectField>
          <div aria-live="polite">
            {create.isSuccess && (
              <p className="text-sm font-medium text-emerald-800">Category {create.data.name} created.</p>
            )}
            {create.isError && (
              <p role="alert" className="text-sm font-medium text-red-700">
                {errorMessage(create.error)}
              </p>
            )}
          </div>
          <Button type="submit" busy={create.isPending}>
            Create category
          </Button>
        </form>
      </section>
    </div>
  );
}
