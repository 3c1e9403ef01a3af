import { Link } from 'react-router';
import { useDocumentTitle } from '../components/useDocumentTitle';

export function NotFound() {
  useDocumentTitle('Page not found');
  return (
    <div className="mx-auto max-w-xl py-16 text-center">
      <p className="text-6xl" aria-hidden="true">
        🥡
      </p>
      <h1 className="mt-4 text-3xl font-bold">Page not found</h1>
      <p className="mt-2 text-stone-600">
        We looked in every takeaway box, but this page is not here. It may have moved, or the link may be
        mistyped.
      </p>
      <div className="mt-6 flex flex-wrap justify-center gap-3">
        <Link
          to="/"
          className="rounded-lg bg-orange-700 px-4 py-2 text-sm font-semibold text-white hover:bg-orange-800"
        >
          Go to the home page
        </Link>
        <Link
          to="/shop"
          className="rounded-lg border border-stone-300 bg-white px-4 py-2 text-sm font-semibold"
        >
          Browse the shop
        </Link>
      </div>
    </div>
  );
}
