import { Link, useSearchParams } from 'react-router';
import { useDocumentTitle } from '../../../components/useDocumentTitle';
import { PageOfItems } from '../../../components/PageOfItems';
import { LinkButton } from '../../../components/LinkButton';
import { Pagination } from '../../../components/Pagination';
import { Price } from '../../../components/Price';
import { inputClasses } from '../../../components/TextField';
import { useDebouncedValue } from '../../../lib/useDebouncedValue';
import { useState } from 'react';
import { findCategory, useCategories } from '../../catalog/api';
import { ADMIN_PER_PAGE, useAdminProducts, type AdminStatusFilter } from './api';
import { SelectField } from '../../../components/SelectField';
import { PRODUCT_STATUSES } from './productStatus';
import { ProductStatusBadge } from './ProductStatusBadge';
import { StockCell } from './StockCell';
import { DeleteProductButton } from './DeleteProductButton';

function statusParam(raw: string | null): AdminStatusFilter {
  return PRODUCT_STATUSES.find((s) => s.value === raw)?.value ?? 'any';
}

export function ProductsPage() {
  useDocumentTitle('Products · Admin');
  const [params, setParams] = useSearchParams();
  const page = Math.max(1, Number(params.get('page')) || 1);
  const [text, setText] = useState(params.get('q') ?? '');
  const q = useDebouncedValue(text.trim(), 300);
  const status = statusParam(params.get('status'));
  const products = useAdminProducts(q, page, status);
  const categories = useCategories();
  // The tree names each slug; until it loads (or for a slug it lacks) the slug stands in.
  const categoryName = (slug: string) => findCategory(categories.data, slug)?.category.name ?? slug;
  /** A new filter starts at page 1; an empty value drops its key from the address. */
  const setFilter = (key: 'q' | 'status', value: string | null) =>
    setParams(
      (current) => {
        const next = new URLSearchParams(current);
        next.delete('page');
        if (value) next.set(key, value);
        else next.delete(key);
        return next;
      },
      { replace: true },
    );

  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h1 className="text-2xl font-bold">Products</h1>
        <LinkButton to="/admin/products/new">New product</LinkButton>
      </div>
      <div className="flex flex-wrap items-end gap-4">
        <div className="w-full max-w-md">
          <label htmlFor="admin-product-search" className="mb-1 block text-sm font-medium">
            Filter products
          </label>
          <input
            id="admin-product-search"
            type="search"
            className={inputClasses}
            value={text}
            placeholder="Name or description"
            onChange={(e) => {
              setText(e.target.value);
              setFilter('q', e.target.value.trim() || null);
            }}
          />
        </div>
        <SelectField
          label="Status"
          value={status}
          onChange={(e) => setFilter('status', e.target.value === 'any' ? null : e.target.value)}
        >
          <option value="any">Every status</option>
          {PRODUCT_STATUSES.map((s) => (
            <option key={s.value} value={s.value}>
              {s.label}
            </option>
          ))}
        </SelectField>
      </div>
      <PageOfItems
        query={products}
        errorTitle="Products did not load."
        empty={
          <p className="text-stone-600">
            {q ? `No products match “${q}”.` : 'No products with this status.'}
          </p>
        }
      >
        {(found) => (
          <>
            <div className="overflow-x-auto rounded-2xl border border-stone-200 bg-white">
              <table className="w-full min-w-[40rem] text-sm">
                <caption className="sr-only">Products, {found.total} in all</caption>
                <thead className="bg-stone-50 text-left text-stone-700">
                  <tr>
                    <th scope="col" className="px-4 py-3 font-semibold">
                      Name
                    </th>
                    <th scope="col" className="px-4 py-3 font-semibold">
                      Status
                    </th>
                    <th scope="col" className="px-4 py-3 font-semibold">
                      Category
                    </th>
                    <th scope="col" className="px-4 py-3 text-right font-semibold">
                      Price
                    </th>
                    <th scope="col" className="px-4 py-3 text-right font-semibold">
                      Stock
                    </th>
                    <th scope="col" className="px-4 py-3 text-right font-semibold">
                      Actions
                    </th>
                  </tr>
                </thead>
                <tbody className="divide-y divide-stone-100">
                  {found.items.map((p) => (
                    <tr key={p.id}>
                      <td className="px-4 py-2">
                        <Link
                          to={`/admin/products/${p.id}`}
                          className="font-medium text-orange-800 hover:underline"
                        >
                          {p.name}
                        </Link>
                      </td>
                      <td className="px-4 py-2">
                        <ProductStatusBadge status={p.status} />
                      </td>
                      <td className="px-4 py-2 text-stone-700">{categoryName(p.category)}</td>
                      <td className="px-4 py-2 text-right">
                        <Price amount={p.price} currency={p.currency} />
                      </td>
                      <td className="px-4 py-2 text-right">
                        <StockCell productId={p.id} />
                      </td>
                      <td className="px-4 py-2 text-right whitespace-nowrap">
                        <LinkButton
                          to={`/admin/products/${p.id}`}
                          variant="secondary"
                          size="sm"
                          aria-label={`Edit ${p.name}`}
                        >
                          Edit
                        </LinkButton>{' '}
                        <DeleteProductButton product={p} size="sm" />
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
            <Pagination
              page={page}
              perPage={ADMIN_PER_PAGE}
              total={found.total}
              hrefFor={(p) =>
                `/admin/products?${new URLSearchParams({ ...(q ? { q } : {}), page: String(p) }).toString()}`
              }
              label="Product pages"
            />
          </>
        )}
      </PageOfItems>
    </div>
  );
}
