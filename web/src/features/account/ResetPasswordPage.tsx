import { useState, type FormEvent } from 'react';
import { Link, useSearchParams } from 'react-router';
import { ApiError, errorMessage } from '../../api/errors';
import { useDocumentTitle } from '../../components/useDocumentTitle';
import { Button } from '../../components/Button';
import { LinkButton } from '../../components/LinkButton';
import { TextField } from '../../components/TextField';
import { session } from '../../auth/session';
import { AuthCard } from './AuthCard';
import { useResetLinkCheck, useResetPassword } from './passwordApi';
import { PageSpinner } from '../../components/PageSpinner';
import { MIN_PASSWORD, newPasswordProblem } from './validation';

export function ResetPasswordPage() {
  useDocumentTitle('Choose a new password');
  const [params] = useSearchParams();
  const token = params.get('token') ?? '';
  const [password, setPassword] = useState('');
  const [repeat, setRepeat] = useState('');
  const [problems, setProblems] = useState<{ password?: string | undefined; repeat?: string | undefined }>(
    {},
  );
  const reset = useResetPassword();
  const link = useResetLinkCheck(token);

  function submit(event: FormEvent) {
    event.preventDefault();
    const found = {
      password: newPasswordProblem(password),
      repeat: password === repeat ? undefined : 'The two passwords are not the same.',
    };
    setProblems(found);
    if (found.password || found.repeat) return;
    reset.mutate(
      { token, password },
      {
        // Every session of the account ended, this one too.
        onSuccess: () => session.clear(),
      },
    );
  }

  if (!token) {
    return (
      <AuthCard title="Choose a new password">
        <p role="alert" className="text-stone-700">
          This link is incomplete. Open the link from the email again, or{' '}
          <Link to="/forgot-password" className="font-semibold text-orange-800 underline">
            ask for a new one
          </Link>
          .
        </p>
      </AuthCard>
    );
  }

  if (link.isPending) return <PageSpinner label="Checking your link" />;
  // Only the link's own refusal stops here; if the check itself failed (offline), the form
  // still tries, and its answer says what is wrong.
  if (link.error instanceof ApiError && link.error.details?.field === 'token') {
    return (
      <AuthCard title="This link no longer works">
        <div role="alert" className="space-y-4">
          <p className="text-stone-700">
            This password reset link was already used, has expired, or is not complete. Links work once and
            for one hour.
          </p>
          <LinkButton to="/forgot-password" size="lg" className="w-full">
            Ask for a new link
          </LinkButton>
        </div>
      </AuthCard>
    );
  }

  return (
    <AuthCard title="Choose a new password">
      {reset.isSuccess ? (
        <div role="status" className="space-y-4">
          <p className="rounded-lg bg-emerald-50 p-4 text-emerald-900">
            Your password is changed. For your safety we signed you out everywhere: sign in with the new
            password.
          </p>
          <LinkButton to="/signin" size="lg" className="w-full">
            Sign in
          </LinkButton>
        </div>
      ) : (
        <form onSubmit={submit} noValidate className="space-y-4" aria-label="Choose a new password">
          <TextField
            label="New password"
            type="password"
            autoComplete="new-password"
            value={password}
            onChange={(e) => setPassword(e.target.value)}
            error={problems.password}
            hint={`At least ${MIN_PASSWORD} characters.`}
            required
          />
          <TextField
            label="Repeat the new password"
            type="password"
            autoComplete="new-password"
            value={repeat}
            onChange={(e) => setRepeat(e.target.value)}
            error={problems.repeat}
            required
          />
          {reset.isError && (
            <div role="alert" className="rounded-lg bg-red-50 p-3 text-sm font-medium text-red-800">
              <p>
                {reset.error instanceof ApiError && reset.error.details?.field === 'token'
                  ? 'This link is invalid, already used or expired.'
                  : errorMessage(reset.error)}
              </p>
              <p className="mt-1">
                <Link to="/forgot-password" className="underline">
                  Ask for a new link
                </Link>
              </p>
            </div>
          )}
          <Button type="submit" size="lg" className="w-full" busy={reset.isPending}>
            Save new password
          </Button>
        </form>
      )}
    </AuthCard>
  );
}
