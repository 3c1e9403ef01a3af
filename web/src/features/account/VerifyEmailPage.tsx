import { useEffect, useRef } from 'react';
import { Link, useSearchParams } from 'react-router';
import { errorMessage } from '../../api/errors';
import { useDocumentTitle } from '../../components/useDocumentTitle';
import { LinkButton } from '../../components/LinkButton';
import { Spinner } from '../../components/Spinner';
import { useSession } from '../../auth/useSession';
import { AuthCard } from './AuthCard';
import { useVerifyEmail } from './passwordApi';

/** Opened from the verification email: verifies at once, then says so. */
export function VerifyEmailPage() {
  useDocumentTitle('Verify your email');
  const [params] = useSearchParams();
  const token = params.get('token') ?? '';
  const verify = useVerifyEmail();
  const { signedIn } = useSession();
  const sent = useRef(false);

  useEffect(() => {
    // Once per page, even under StrictMode's double effects: the link is single-use.
    if (!token || sent.current) return;
    sent.current = true;
    verify.mutate(token);
  }, [token, verify]);

  return (
    <AuthCard title="Verify your email">
      {!token ? (
        <p role="alert" className="text-stone-700">
          This link is incomplete. Open the link from the email again.
        </p>
      ) : verify.isSuccess ? (
        <div role="status" className="space-y-4">
          <p className="rounded-lg bg-emerald-50 p-4 text-emerald-900">
            Thank you! <strong>{verify.data.email}</strong> is verified.
          </p>
          <LinkButton to={signedIn ? '/account' : '/shop'} size="lg" className="w-full">
            {signedIn ? 'Go to your account' : 'Start shopping'}
          </LinkButton>
        </div>
      ) : verify.isError ? (
        <div role="alert" className="space-y-3 text-stone-700">
          <p>{errorMessage(verify.error)}</p>
          <p>
            {signedIn ? (
              <>
                You can send yourself a new link from{' '}
                <Link to="/account" className="font-semibold text-orange-800 underline">
                  your account
                </Link>
                .
              </>
            ) : (
              <>
                <Link to="/signin?next=/account" className="font-semibold text-orange-800 underline">
                  Sign in
                </Link>{' '}
                to send yourself a new link.
              </>
            )}
          </p>
        </div>
      ) : (
        <Spinner label="Verifying your email address" />
      )}
    </AuthCard>
  );
}
