import { isRouteErrorResponse, Link, useRouteError } from 'react-router';
import { errorMessage } from '../api/errors';
import { useDocumentTitle } from '../components/useDocumentTitle';
import { NotFound } from './NotFound';

/** A route's error boundary: the page failed, the rest of the shop still works. */
export function RouteError() {
  const error = useRouteError();
  useDocumentTitle('Something went wrong');
  if (isRouteErrorResponse(error) && error.status === 404) return <NotFound />;
  const chunkFailed =
    error instanceof TypeError && /dynamically imported module|Importing a module/i.test(error.message);
  return (
    <div role="alert" className="mx-auto max-w-xl py-16 text-center">
      <p className="text-5xl" aria-hidden="true">
        🍳
      </p>
      <h1 className="mt-4 text-2xl font-bold">Something went wrong</h1>
      <p className="mt-2 text-stone-600">
        {chunkFailed
          ? 'A new version of MenusKart is available. Reload the page to continue.'
          : errorMessage(error)}
      </p>
      <div className="mt-6 flex justify-center gap-3">
        <button
          type="button"
          onClick={() => window.location.reload()}
          className="rounded-lg bg-orange-700 px-4 py-2 text-sm font-semibold text-white hover:bg-orange-800"
        >
          Reload
        </button>
        <Link to="/" className="rounded-lg border border-stone-300 bg-white px-4 py-2 text-sm font-semibold">
          Go to the home page
        </Link>
      </div>
    </div>
  );
}
