import { Link } from 'react-router';
import { pageWindow } from '../lib/pageWindow';

interface PaginationProps {
  page: number;
  perPage: number;
  total: number;
  /** The link to a page (keeps the rest of the URL state). */
  hrefFor: (page: number) => string;
  label?: string;
}

/** Previous / numbered / next links; nothing when everything fits on one page. */
export function Pagination({ page, perPage, total, hrefFor, label = 'Pagination' }: PaginationProps) {
  const pages = Math.max(1, Math.ceil(total / perPage));
  if (pages <= 1) return null;
  const shown = pageWindow(page, pages);
  const link =
    'inline-flex min-w-10 items-center justify-center gap-1 rounded-lg border px-3 py-2 text-sm font-medium';
  return (
    <nav aria-label={label} className="mt-8 flex flex-wrap items-center justify-center gap-2">
      {page > 1 && (
        <Link className={`${link} border-stone-300 bg-white hover:bg-stone-50`} to={hrefFor(page - 1)}>
          <span aria-hidden="true">←</span> Previous
        </Link>
      )}
      {shown.map((p, i) =>
        p === null ? (
          <span key={`gap-${i}`} className="px-1 text-stone-600" aria-hidden="true">
            …
          </span>
        ) : (
          <Link
            key={p}
            to={hrefFor(p)}
            aria-current={p === page ? 'page' : undefined}
            aria-label={`Page ${p}`}
            className={`${link} ${
              p === page
                ? 'border-orange-700 bg-orange-700 text-white'
                : 'border-stone-300 bg-white hover:bg-stone-50'
            }`}
          >
            {p}
          </Link>
        ),
      )}
      {page < pages && (
        <Link className={`${link} border-stone-300 bg-white hover:bg-stone-50`} to={hrefFor(page + 1)}>
          Next <span aria-hidden="true">→</span>
        </Link>
      )}
    </nav>
  );
}
