import { useState, type FormEvent } from 'react';
import type { Profile } from '../../api/types';
import { errorMessage } from '../../api/errors';
import { Button } from '../../components/Button';
import { CheckboxField } from '../../components/CheckboxField';
import { TextField } from '../../components/TextField';
import { useUpdateProfile } from './api';

/** Name, phone and marketing consent. */
export function ProfileForm({ profile }: { profile: Profile }) {
  const [name, setName] = useState(profile.name);
  const [phone, setPhone] = useState(profile.phone ?? '');
  const [optIn, setOptIn] = useState(profile.marketing_opt_in);
  const [nameError, setNameError] = useState<string | undefined>();
  const update = useUpdateProfile();

  function submit(event: FormEvent) {
    event.preventDefault();
    if (!name.trim()) {
      setNameError('Enter your name.');
      return;
    }
    setNameError(undefined);
    update.mutate({ name: name.trim(), phone: phone.trim() || null, marketing_opt_in: optIn });
  }

  return (
    <form onSubmit={submit} noValidate className="space-y-4" aria-label="Profile">
      <TextField
        label="Email"
        type="email"
        value={profile.email}
        readOnly
        disabled
        hint="Your email address cannot be changed here."
      />
      <TextField
        label="Full name"
        autoComplete="name"
        value={name}
        onChange={(e) => setName(e.target.value)}
        error={nameError}
        required
      />
      <TextField
        label="Phone (optional)"
        type="tel"
        autoComplete="tel"
        value={phone}
        onChange={(e) => setPhone(e.target.value)}
        hint="For delivery updates by text message, e.g. +49 30 1234567."
      />
      <CheckboxField
        label="Send me offers and news by email"
        hint="You can unsubscribe at any time, from any of these emails."
        checked={optIn}
        onChange={(e) => setOptIn(e.target.checked)}
      />
      <div aria-live="polite">
        {update.isSuccess && <p className="text-sm font-medium text-emerald-800">Your profile is saved.</p>}
        {update.isError && (
          <p role="alert" className="text-sm font-medium text-red-700">
            {errorMessage(update.error)}
          </p>
        )}
      </div>
      <Button type="submit" busy={update.isPending}>
        Save profile
      </Button>
    </form>
  );
}
