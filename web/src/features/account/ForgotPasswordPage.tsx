import { useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import { errorMessage } from '../../api/errors';
import { useDocumentTitle } from '../../components/useDocumentTitle';
import { Button } from '../../components/Button';
import { TextField } from '../../components/TextField';
import { AuthCard } from './AuthCard';
import { useRequestPasswordReset } from './passwordApi';
import { emailProblem } from './validation';

export function ForgotPasswordPage() {
  useDocumentTitle('Forgot your password?');
  const [email, setEmail] = useState('');
  const [problem, setProblem] = useState<string | undefined>();
  const request = useRequestPasswordReset();

  function submit(event: FormEvent) {
    event.preventDefault();
    const found = emailProblem(email);
    setProblem(found);
    if (!found) request.mutate(email.trim());
  }

  return (
    <AuthCard title="Forgot your password?">
      {request.isSuccess ? (
        <div role="status" className="space-y-4">
          <p className="rounded-lg bg-emerald-50 p-4 text-emerald-900">
            If an account exists for <strong>{email.trim()}</strong>, we sent it a link to choose a new
            password. The link works once, for one hour.
          </p>
          <p className="text-sm text-stone-700">
            Nothing arrived? Check your spam folder, or{' '}
            <button
              type="button"
              className="font-semibold text-orange-800 underline"
              onClick={() => request.reset()}
            >
              try another address
            </button>
            .
          </p>
        </div>
      ) : (
        <form onSubmit={submit} noValidate className="space-y-4" aria-label="Password reset">
          <p className="text-stone-700">
            Enter your email address and we will send you a link to choose a new password.
          </p>
          <TextField
            label="Email"
            type="email"
            autoComplete="email"
            value={email}
            onChange={(e) => setEmail(e.target.value)}
            error={problem}
            required
          />
          {request.isError && (
            <p role="alert" className="rounded-lg bg-red-50 p-3 text-sm font-medium text-red-800">
              {errorMessage(request.error)}
            </p>
          )}
          <Button type="submit" size="lg" className="w-full" busy={request.isPending}>
            Send reset link
          </Button>
        </form>
      )}
      <p className="mt-6 border-t border-stone-200 pt-4 text-sm">
        <Link to="/signin" className="font-semibold text-orange-800 underline">
          Back to sign in
        </Link>
      </p>
    </AuthCard>
  );
}
