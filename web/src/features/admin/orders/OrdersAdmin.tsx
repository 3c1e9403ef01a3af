import { useId, useState, type FormEvent } from 'react';
import { Link, useSearchParams } from 'react-router';
import { useDocumentTitle } from '../../../components/useDocumentTitle';
import { Button } from '../../../components/Button';
import { ErrorMessage } from '../../../components/ErrorMessage';
import { PageOfItems } from '../../../components/PageOfItems';
import { Pagination } from '../../../components/Pagination';
import { Price } from '../../../components/Price';
import { SelectField } from '../../../components/SelectField';
import { StatusBadge } from '../../../components/StatusBadge';
import { TextField } from '../../../components/TextField';
import { formatDateTime, isDay } from '../../../lib/date';
import { orderLabel } from '../../../lib/orderNumber';
import { isOrderStatus, ORDER_STATUSES, statusLabel } from '../../../lib/orderStatus';
import { ORDERS_PER_PAGE, useAllOrders, useExportOrders, type AdminOrderFilters } from '../../orders/api';

function toParams(filters: AdminOrderFilters): URLSearchParams {
  const params = new URLSearchParams();
  if (filters.status) params.set('status', filters.status);
  if (filters.q) params.set('q', filters.q);
  if (filters.from) params.set('from', filters.from);
  if (filters.to) params.set('to', filters.to);
  if (filters.page > 1) params.set('page', String(filters.page));
  return params;
}

/** A day from the URL, or '' for none (or for one that is not a day). */
function dayParam(params: URLSearchParams, name: string): string {
  const value = params.get(name);
  return isDay(value) ? value : '';
}

/**
 * Every order, newest first, by status, by the days they were placed, and by order number or
 * customer email or name (all in the URL); the same selection downloads as a CSV file.
 */
export function OrdersAdmin() {
  useDocumentTitle('Orders · Admin');
  const [params, setParams] = useSearchParams();
  const status = params.get('status');
  const filters: AdminOrderFilters = {
    status: isOrderStatus(status) ? status : '',
    q: params.get('q') ?? '',
    from: dayParam(params, 'from'),
    to: dayParam(params, 'to'),
    page: Math.max(1, Number(params.get('page')) || 1),
  };
  const [text, setText] = useState(filters.q);
  const orders = useAllOrders(filters);
  const exportCsv = useExportOrders();
  const exportHintId = useId();
  // Days as YYYY-MM-DD compare as text.
  const backwards = filters.from !== '' && filters.to !== '' && filters.to < filters.from;

  /** Applies a change of filter, from the first page. */
  function refine(change: Partial<Omit<AdminOrderFilters, 'page'>>) {
    exportCsv.reset();
    setParams(toParams({ ...filters, ...change, page: 1 }));
  }

  function search(event: FormEvent) {
    event.preventDefault();
    refine({ q: text.trim() });
  }

  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h1 className="text-2xl font-bold">Orders</h1>
        <Button
          variant="secondary"
          busy={exportCsv.isPending}
          aria-describedby={exportHintId}
          onClick={() => exportCsv.mutate(filters)}
        >
          {exportCsv.isPending ? 'Exporting…' : 'Export CSV'}
        </Button>
        <p id={exportHintId} className="sr-only">
          Downloads every order the filters below match, all pages, as a spreadsheet file.
        </p>
      </div>
      {exportCsv.error && (
        <ErrorMessage
          error={exportCsv.error}
          title="The orders could not be exported."
          onRetry={() => exportCsv.mutate(filters)}
        />
      )}
      <div className="flex flex-wrap items-end gap-3 rounded-2xl border border-stone-200 bg-white p-4">
        <SelectField
          label="Status"
          value={filters.status}
          onChange={(e) => refine({ status: isOrderStatus(e.target.value) ? e.target.value : '' })}
          className="w-full sm:w-48"
        >
          <option value="">All statuses</option>
          {ORDER_STATUSES.map((s) => (
            <option key={s} value={s}>
              {statusLabel(s)}
            </option>
          ))}
        </SelectField>
        <fieldset className="flex w-full min-w-0 gap-3 sm:w-auto">
          <legend className="sr-only">Placed between these days (both included)</legend>
          <TextField
            label="From"
            type="date"
            value={filters.from}
            max={filters.to || undefined}
            onChange={(e) => refine({ from: isDay(e.target.value) ? e.target.value : '' })}
            className="min-w-0 flex-1 sm:w-40 sm:flex-none"
          />
          <TextField
            label="To"
            type="date"
            value={filters.to}
            min={filters.from || undefined}
            error={backwards ? 'Pick a day on or after the “From” day' : undefined}
            onChange={(e) => refine({ to: isDay(e.target.value) ? e.target.value : '' })}
            className="min-w-0 flex-1 sm:w-40 sm:flex-none"
          />
        </fieldset>
        <form
          onSubmit={search}
          role="search"
          aria-label="Orders"
          className="flex min-w-0 flex-1 basis-[22rem] flex-wrap items-end gap-2"
        >
          <TextField
            label="Order number, name or email"
            type="search"
            value={text}
            placeholder="MK-10042, Ada or ada@"
            onChange={(e) => setText(e.target.value)}
            className="min-w-0 flex-1 basis-48"
          />
          <Button type="submit" variant="secondary">
            Search orders
          </Button>
        </form>
      </div>
      <PageOfItems
        query={orders}
        errorTitle="Orders did not load."
        empty={
          <p className="rounded-2xl border border-dashed border-stone-300 p-6 text-center text-stone-600">
            No orders match.
          </p>
        }
      >
        {(found) => (
          <>
            <div className="overflow-x-auto rounded-2xl border border-stone-200 bg-white">
              <table className="w-full min-w-[44rem] text-sm">
                <caption className="sr-only">Orders, {found.total} in all, newest first</caption>
                <thead className="bg-stone-50 text-left text-stone-700">
                  <tr>
                    <th scope="col" className="px-4 py-3 font-semibold">
                      Order
                    </th>
                    <th scope="col" className="px-4 py-3 font-semibold">
                      Customer
                    </th>
                    <th scope="col" className="px-4 py-3 font-semibold">
                      Placed
                    </th>
                    <th scope="col" className="px-4 py-3 text-right font-semibold">
                      Items
                    </th>
                    <th scope="col" className="px-4 py-3 text-right font-semibold">
                      Total
                    </th>
                    <th scope="col" className="px-4 py-3 font-semibold">
                      Status
                    </th>
                  </tr>
                </thead>
                <tbody className="divide-y divide-stone-100">
                  {found.items.map((o) => (
                    <tr key={o.id}>
                      <td className="px-4 py-2">
                        <Link
                          to={`/admin/orders/${o.id}`}
                          className="font-medium whitespace-nowrap text-orange-800 hover:underline"
                        >
                          {orderLabel(o)}
                        </Link>
                      </td>
                      <td className="px-4 py-2 text-stone-700">
                        {o.customer_name && (
                          <span className="block font-medium text-stone-900">{o.customer_name}</span>
                        )}
                        <span className="block break-all">{o.customer_email ?? 'unknown'}</span>
                      </td>
                      <td className="px-4 py-2 text-stone-700">{formatDateTime(o.created_at)}</td>
                      <td className="px-4 py-2 text-right tabular-nums">
                        {o.items.reduce((n, i) => n + i.quantity, 0)}
                      </td>
                      <td className="px-4 py-2 text-right">
                        <Price amount={o.total} currency={o.currency} />
                      </td>
                      <td className="px-4 py-2">
                        <StatusBadge status={o.status} />
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
            <Pagination
              page={filters.page}
              perPage={ORDERS_PER_PAGE}
              total={found.total}
              hrefFor={(page) => `/admin/orders?${toParams({ ...filters, page }).toString()}`}
              label="Order pages"
            />
          </>
        )}
      </PageOfItems>
    </div>
  );
}
