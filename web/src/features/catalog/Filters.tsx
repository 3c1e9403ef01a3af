import { useState, type FormEvent } from 'react';
import type { Category } from '../../api/types';
import { useShopCurrency } from './api';
import { Button } from '../../components/Button';
import { CheckboxField } from '../../components/CheckboxField';
import { TextField } from '../../components/TextField';
import { parseMoney, toMajorString } from '../../lib/money';
import type { AttributeFilter } from './attributeFilters';
import type { ShopFilters } from './shopParams';

interface FiltersProps {
  filters: ShopFilters;
  categories: Category[];
  /** What the catalog's attributes offer (none until they load). */
  attributes: AttributeFilter[];
  onChange: (change: Partial<ShopFilters>) => void;
}

function CategoryOptions({
  categories,
  depth,
  value,
  onPick,
}: {
  categories: Category[];
  depth: number;
  value: string;
  onPick: (slug: string) => void;
}) {
  return (
    <>
      {categories.map((category) => (
        <div key={category.slug}>
          <label
            className="flex cursor-pointer items-center gap-2 py-1 text-sm"
            style={{ paddingLeft: `${depth * 1.25}rem` }}
          >
            <input
              type="radio"
              name="category"
              value={category.slug}
              checked={value === category.slug}
              onChange={() => onPick(category.slug)}
              className="accent-orange-700"
            />
            <span className={depth === 0 ? 'font-medium' : ''}>{category.name}</span>
          </label>
          {category.children.length > 0 && (
            <CategoryOptions categories={category.children} depth={depth + 1} value={value} onPick={onPick} />
          )}
        </div>
      ))}
    </>
  );
}

function PriceRange({ filters, onChange }: Pick<FiltersProps, 'filters' | 'onChange'>) {
  const currency = useShopCurrency();
  const show = (minor: number | null) => (minor === null ? '' : toMajorString(minor, currency));
  const [min, setMin] = useState(show(filters.minPrice));
  const [max, setMax] = useState(show(filters.maxPrice));
  const [error, setError] = useState<string | undefined>();

  function apply(event: FormEvent) {
    event.preventDefault();
    const minPrice = min.trim() ? parseMoney(min, currency) : null;
    const maxPrice = max.trim() ? parseMoney(max, currency) : null;
    if ((min.trim() && minPrice === null) || (max.trim() && maxPrice === null)) {
      setError('Enter prices as numbers, for example 12.50.');
      return;
    }
    if (minPrice !== null && maxPrice !== null && minPrice > maxPrice) {
      setError('The lowest price must not be above the highest.');
      return;
    }
    setError(undefined);
    onChange({ minPrice, maxPrice });
  }

  return (
    <form onSubmit={apply} aria-label="Price range" noValidate>
      <fieldset>
        <legend className="mb-2 font-semibold">Price (€)</legend>
        <div className="grid grid-cols-2 gap-2">
          <TextField
            label="From"
            inputMode="decimal"
            value={min}
            onChange={(e) => setMin(e.target.value)}
            error={error ? ' ' : undefined}
            placeholder="0.00"
          />
          <TextField
            label="To"
            inputMode="decimal"
            value={max}
            onChange={(e) => setMax(e.target.value)}
            error={error ? ' ' : undefined}
            placeholder="50.00"
          />
        </div>
        {error && (
          <p role="alert" className="mt-1 text-sm font-medium text-red-700">
            {error}
          </p>
        )}
        <Button type="submit" variant="secondary" size="sm" className="mt-2 w-full">
          Apply price
        </Button>
      </fieldset>
    </form>
  );
}

/** The listing's filters; every change goes into the URL. */
export function Filters({ filters, categories, attributes, onChange }: FiltersProps) {
  const priceKey = `${filters.minPrice}-${filters.maxPrice}`;
  return (
    <div className="space-y-6">
      <fieldset>
        <legend className="mb-2 font-semibold">Category</legend>
        <label className="flex cursor-pointer items-center gap-2 py-1 text-sm">
          <input
            type="radio"
            name="category"
            value=""
            checked={filters.category === ''}
            onChange={() => onChange({ category: '' })}
            className="accent-orange-700"
          />
          <span className="font-medium">All categories</span>
        </label>
        <CategoryOptions
          categories={categories}
          depth={0}
          value={filters.category}
          onPick={(category) => onChange({ category })}
        />
      </fieldset>

      <PriceRange key={priceKey} filters={filters} onChange={onChange} />

      <fieldset>
        <legend className="mb-2 font-semibold">Availability</legend>
        <CheckboxField
          label="In stock only"
          checked={filters.inStock}
          onChange={(e) => onChange({ inStock: e.target.checked })}
        />
      </fieldset>

      {attributes.map((attribute) => (
        <fieldset key={attribute.name}>
          <legend className="mb-2 font-semibold">{attribute.label}</legend>
          {attribute.options.length === 1 ? (
            <CheckboxField
              label={attribute.options[0]!.label}
              checked={filters.attributes[attribute.name] === attribute.options[0]!.value}
              onChange={(e) => {
                const attributes = { ...filters.attributes };
                if (e.target.checked) attributes[attribute.name] = attribute.options[0]!.value;
                else delete attributes[attribute.name];
                onChange({ attributes });
              }}
            />
          ) : (
            <div className="flex flex-wrap gap-x-4 gap-y-1">
              {[{ value: '', label: 'Any' }, ...attribute.options].map((option) => (
                <label key={option.value} className="flex cursor-pointer items-center gap-2 py-1 text-sm">
                  <input
                    type="radio"
                    name={`attr-${attribute.name}`}
                    value={option.value}
                    checked={(filters.attributes[attribute.name] ?? '') === option.value}
                    onChange={() => {
                      const attributes = { ...filters.attributes };
                      if (option.value) attributes[attribute.name] = option.value;
                      else delete attributes[attribute.name];
                      onChange({ attributes });
                    }}
                    className="accent-orange-700"
                  />
                  {option.label}
                </label>
              ))}
            </div>
          )}
        </fieldset>
      ))}
    </div>
  );
}
