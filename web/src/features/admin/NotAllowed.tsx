import { Link, useLocation } from 'react-router';
import { useDocumentTitle } from '../../components/useDocumentTitle';

/** What a visitor or a customer sees at an admin address. */
export function NotAllowed({ signedIn }: { signedIn: boolean }) {
  useDocumentTitle('Not allowed');
  const location = useLocation();
  return (
    <div className="mx-auto max-w-xl py-16 text-center">
      <p className="text-5xl" aria-hidden="true">
        🔒
      </p>
      <h1 className="mt-4 text-3xl font-bold">Not allowed</h1>
      <p className="mt-2 text-stone-600">
        {signedIn
          ? 'This part of MenusKart is for the shop’s staff. Your account cannot open it.'
          : 'This part of MenusKart is for the shop’s staff. Sign in with a staff account to continue.'}
      </p>
      <div className="mt-6 flex justify-center gap-3">
        {!signedIn && (
          <Link
            to={`/signin?next=${encodeURIComponent(location.pathname)}`}
            className="rounded-lg bg-orange-700 px-4 py-2 text-sm font-semibold text-white hover:bg-orange-800"
          >
            Sign in
          </Link>
        )}
        <Link to="/" className="rounded-lg border border-stone-300 bg-white px-4 py-2 text-sm font-semibold">
          Go to the shop
        </Link>
      </div>
    </div>
  );
}
