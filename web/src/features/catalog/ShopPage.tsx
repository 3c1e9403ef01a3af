import { useRef, useState } from 'react';
import { flushSync } from 'react-dom';
import { Link, useSearchParams } from 'react-router';
import { useDocumentTitle } from '../../components/useDocumentTitle';
import { usePageMeta } from '../../components/usePageMeta';
import { ErrorMessage } from '../../components/ErrorMessage';
import { EmptyState } from '../../components/EmptyState';
import { Button } from '../../components/Button';
import { LinkButton } from '../../components/LinkButton';
import { Pagination } from '../../components/Pagination';
import { SelectField } from '../../components/SelectField';
import { findCategory, useAttributeFilters, useCategories, useProductList } from './api';
import { Filters } from './Filters';
import { ProductGrid, ProductGridSkeleton } from './ProductGrid';
import {
  activeFilterCount,
  parseShopParams,
  shopHref,
  PER_PAGE,
  SORT_OPTIONS,
  toShopParams,
  type ShopFilters,
  type SortKey,
} from './shopParams';
import { countOf } from '../../lib/plural';

export function ShopPage() {
  const [params, setParams] = useSearchParams();
  // Filters start open beside the results on wide screens, folded above them on phones.
  const [wide] = useState(() => window.matchMedia('(min-width: 1024px)').matches);
  const [filtersOpen, setFiltersOpen] = useState(wide);
  const results = useRef<HTMLElement>(null);
  const filters = parseShopParams(params);
  const categories = useCategories();
  const attributeFilters = useAttributeFilters();
  const list = useProductList(filters);
  const category = filters.category ? findCategory(categories.data, filters.category)?.category : undefined;

  const title = filters.q
    ? `Results for “${filters.q}”`
    : (category?.name ?? (filters.category ? 'Products' : 'All products'));
  useDocumentTitle(filters.q ? `Search: ${filters.q}` : title);
  usePageMeta({
    description: category
      ? `${category.name} at MenusKart: ${countOf(list.data?.total ?? 0, 'product', 'products')}, delivered.`
      : undefined,
    // One address per listing for search engines: its category, without filters, sort or page.
    canonicalPath: filters.q
      ? undefined
      : filters.category
        ? `/shop?category=${encodeURIComponent(filters.category)}`
        : '/shop',
  });

  function change(update: Partial<ShopFilters>) {
    setParams(toShopParams({ ...filters, ...update, page: update.page ?? 1 }));
  }

  const sortOptions = SORT_OPTIONS.filter((o) => filters.q || o.value !== 'relevance');
  const sortValue = filters.sort ?? (filters.q ? 'relevance' : 'newest');
  const total = list.data?.total ?? 0;
  const active = activeFilterCount(filters);
  const filtered = active > 0;

  return (
    <div>
      <div className="flex flex-wrap items-end justify-between gap-4">
        <div>
          <h1 className="text-3xl font-bold">{title}</h1>
          <p className="mt-1 text-stone-600" aria-live="polite">
            {list.data ? countOf(total, 'product', 'products') : list.isPending ? 'Loading…' : ''}
          </p>
        </div>
        <SelectField
          label="Sort by"
          value={sortValue}
          onChange={(e) => change({ sort: e.target.value as SortKey })}
          className="w-56"
        >
          {sortOptions.map((o) => (
            <option key={o.value} value={o.value}>
              {o.label}
            </option>
          ))}
        </SelectField>
      </div>

      <div className="mt-6 grid gap-8 lg:grid-cols-[16rem_1fr]">
        <aside aria-label="Filters">
          <details
            className="rounded-2xl border border-stone-200 bg-white p-4"
            open={filtersOpen}
            onToggle={(e) => setFiltersOpen(e.currentTarget.open)}
          >
            <summary className="cursor-pointer text-lg font-semibold lg:hidden">
              Filters{active > 0 ? ` (${active} on)` : ''}
            </summary>
            <div className="flex items-baseline justify-between gap-2">
              <h2 className="sr-only lg:not-sr-only lg:mb-4 lg:text-lg lg:font-semibold">Filters</h2>
              {filtered && (
                <Link
                  to={shopHref({ q: filters.q, sort: filters.sort })}
                  className="mt-3 text-sm font-semibold text-orange-800 underline lg:mt-0"
                >
                  Clear filters
                </Link>
              )}
            </div>
            <div className="mt-4 lg:mt-0">
              {categories.error ? (
                <ErrorMessage error={categories.error} title="Categories did not load." />
              ) : (
                <Filters
                  filters={filters}
                  categories={categories.data ?? []}
                  attributes={attributeFilters.data ?? []}
                  onChange={change}
                />
              )}
            </div>
            {/* On a phone the open panel is taller than the screen: this takes the shopper to
                what the filters found, and folds the panel away. */}
            <Button
              className="sticky bottom-3 mt-4 w-full lg:hidden"
              onClick={() => {
                // Folded first (rendered now), so the results are where the scroll goes.
                flushSync(() => setFiltersOpen(false));
                results.current?.scrollIntoView({ block: 'start' });
                results.current?.focus({ preventScroll: true });
              }}
            >
              {list.data ? `Show ${countOf(total, 'result', 'results')}` : 'Show results'}
            </Button>
          </details>
        </aside>

        <section
          ref={results}
          tabIndex={-1}
          aria-labelledby="results-heading"
          aria-busy={list.isFetching}
          className="scroll-mt-40 outline-none"
        >
          <h2 id="results-heading" className="sr-only">
            Results
          </h2>
          {list.isPending ? (
            <ProductGridSkeleton />
          ) : list.error ? (
            <ErrorMessage
              error={list.error}
              title="We could not load the products."
              onRetry={() => void list.refetch()}
            />
          ) : list.data.items.length === 0 ? (
            <EmptyState
              icon="🔎"
              title={filters.q ? `Nothing found for “${filters.q}”` : 'No products match these filters'}
            >
              <p>Try fewer filters or another word.</p>
              {(filtered || filters.q) && (
                <LinkButton to="/shop" variant="secondary" className="mt-4">
                  Show all products
                </LinkButton>
              )}
            </EmptyState>
          ) : (
            <>
              <ProductGrid products={list.data.items} />
              <Pagination
                page={filters.page}
                perPage={PER_PAGE}
                total={total}
                hrefFor={(page) => `/shop?${toShopParams({ ...filters, page }).toString()}`}
              />
            </>
          )}
        </section>
      </div>
    </div>
  );
}
