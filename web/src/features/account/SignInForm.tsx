import { useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import { errorMessage } from '../../api/errors';
import { Button } from '../../components/Button';
import { TextField } from '../../components/TextField';
import { useSignIn } from './api';
import { emailProblem } from './validation';

interface SignInFormProps {
  onSignedIn?: () => void;
  /** Shown under the form, e.g. a link to create an account. */
  footer?: React.ReactNode;
}

export function SignInForm({ onSignedIn, footer }: SignInFormProps) {
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [errors, setErrors] = useState<{ email?: string | undefined; password?: string | undefined }>({});
  const signIn = useSignIn();

  function submit(event: FormEvent) {
    event.preventDefault();
    const found = { email: emailProblem(email), password: password ? undefined : 'Enter your password.' };
    setErrors(found);
    if (found.email || found.password) return;
    signIn.mutate({ email: email.trim(), password }, { onSuccess: () => onSignedIn?.() });
  }

  return (
    <form onSubmit={submit} noValidate className="space-y-4" aria-label="Sign in">
      <TextField
        label="Email"
        type="email"
        autoComplete="email"
        value={email}
        onChange={(e) => setEmail(e.target.value)}
        error={errors.email}
        required
      />
      <TextField
        label="Password"
        type="password"
        autoComplete="current-password"
        value={password}
        onChange={(e) => setPassword(e.target.value)}
        error={errors.password}
        required
      />
      {signIn.isError && (
        <p role="alert" className="rounded-lg bg-red-50 p-3 text-sm font-medium text-red-800">
          {errorMessage(signIn.error)}
        </p>
      )}
      <Button type="submit" size="lg" className="w-full" busy={signIn.isPending}>
        Sign in
      </Button>
      <p className="text-sm">
        <Link to="/forgot-password" className="font-medium text-orange-800 underline">
          Forgot your password?
        </Link>
      </p>
      {footer}
    </form>
  );
}
