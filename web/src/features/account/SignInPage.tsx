import { Link, Navigate, useNavigate, useSearchParams } from 'react-router';
import { useDocumentTitle } from '../../components/useDocumentTitle';
import { useSession } from '../../auth/useSession';
import { AuthCard } from './AuthCard';
import { SignInForm } from './SignInForm';
import { safeNext } from './safeNext';

export function SignInPage() {
  useDocumentTitle('Sign in');
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const { signedIn } = useSession();
  const next = safeNext(params.get('next'));
  if (signedIn) return <Navigate to={next} replace />;
  return (
    <AuthCard title="Sign in">
      <SignInForm
        onSignedIn={() => void navigate(next, { replace: true })}
        footer={
          <p className="border-t border-stone-200 pt-4 text-sm text-stone-700">
            New to MenusKart?{' '}
            <Link
              to={`/signup?next=${encodeURIComponent(next)}`}
              className="font-semibold text-orange-800 underline"
            >
              Create an account
            </Link>
          </p>
        }
      />
    </AuthCard>
  );
}
