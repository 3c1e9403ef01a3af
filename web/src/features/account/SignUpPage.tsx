import { Link, Navigate, useNavigate, useSearchParams } from 'react-router';
import { useDocumentTitle } from '../../components/useDocumentTitle';
import { useSession } from '../../auth/useSession';
import { AuthCard } from './AuthCard';
import { SignUpForm } from './SignUpForm';
import { safeNext } from './safeNext';

export function SignUpPage() {
  useDocumentTitle('Create an account');
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const { signedIn } = useSession();
  const next = safeNext(params.get('next'));
  if (signedIn) return <Navigate to={next} replace />;
  return (
    <AuthCard title="Create an account">
      <SignUpForm
        onSignedUp={() => void navigate(next, { replace: true })}
        footer={
          <p className="border-t border-stone-200 pt-4 text-sm text-stone-700">
            Already have an account?{' '}
            <Link
              to={`/signin?next=${encodeURIComponent(next)}`}
              className="font-semibold text-orange-800 underline"
            >
              Sign in
            </Link>
          </p>
        }
      />
    </AuthCard>
  );
}
