import { useState } from 'react';
import { SignInForm } from '../account/SignInForm';
import { SignUpForm } from '../account/SignUpForm';

/** Sign in or create an account without leaving checkout; the basket comes along. */
export function InlineAuth() {
  const [mode, setMode] = useState<'signin' | 'signup'>('signin');
  const tab = (active: boolean) =>
    `flex-1 rounded-lg px-3 py-2 text-sm font-semibold ${active ? 'bg-white text-stone-900 shadow-sm' : 'text-stone-700 hover:text-stone-900'}`;
  return (
    <div>
      <p className="mb-4 text-stone-700">
        Sign in or create an account to place your order. Your basket stays as it is.
      </p>
      <div className="mb-4 flex gap-1 rounded-xl bg-stone-100 p-1">
        <button
          type="button"
          className={tab(mode === 'signin')}
          aria-pressed={mode === 'signin'}
          onClick={() => setMode('signin')}
        >
          I have an account
        </button>
        <button
          type="button"
          className={tab(mode === 'signup')}
          aria-pressed={mode === 'signup'}
          onClick={() => setMode('signup')}
        >
          I am new here
        </button>
      </div>
      {mode === 'signin' ? <SignInForm /> : <SignUpForm />}
    </div>
  );
}
