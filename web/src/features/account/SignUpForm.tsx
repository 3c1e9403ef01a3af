import { useState, type FormEvent } from 'react';
import { errorMessage } from '../../api/errors';
import { Button } from '../../components/Button';
import { TextField } from '../../components/TextField';
import { useSignUp } from './api';
import { emailProblem, MIN_PASSWORD, newPasswordProblem } from './validation';

interface SignUpFormProps {
  onSignedUp?: () => void;
  footer?: React.ReactNode;
}

type Problems = { name?: string | undefined; email?: string | undefined; password?: string | undefined };

/** Creates an account and signs in with it (a visitor's basket moves into the account). */
export function SignUpForm({ onSignedUp, footer }: SignUpFormProps) {
  const [name, setName] = useState('');
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [errors, setErrors] = useState<Problems>({});
  const signUp = useSignUp();

  function submit(event: FormEvent) {
    event.preventDefault();
    const found: Problems = {
      name: name.trim() ? undefined : 'Enter your name.',
      email: emailProblem(email),
      password: newPasswordProblem(password),
    };
    setErrors(found);
    if (found.name || found.email || found.password) return;
    signUp.mutate({ name: name.trim(), email: email.trim(), password }, { onSuccess: () => onSignedUp?.() });
  }

  return (
    <form onSubmit={submit} noValidate className="space-y-4" aria-label="Create account">
      <TextField
        label="Full name"
        autoComplete="name"
        value={name}
        onChange={(e) => setName(e.target.value)}
        error={errors.name}
        required
      />
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
        autoComplete="new-password"
        value={password}
        onChange={(e) => setPassword(e.target.value)}
        error={errors.password}
        hint={`At least ${MIN_PASSWORD} characters. A few words make a strong password.`}
        required
      />
      {signUp.isError && (
        <p role="alert" className="rounded-lg bg-red-50 p-3 text-sm font-medium text-red-800">
          {errorMessage(signUp.error)}
        </p>
      )}
      <Button type="submit" size="lg" className="w-full" busy={signUp.isPending}>
        Create account
      </Button>
      {footer}
    </form>
  );
}
