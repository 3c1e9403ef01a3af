import { useNavigate } from 'react-router';
import { errorMessage } from '../../api/errors';
import { useDocumentTitle } from '../../components/useDocumentTitle';
import { Button } from '../../components/Button';
import { ErrorMessage } from '../../components/ErrorMessage';
import { LinkButton } from '../../components/LinkButton';
import { PageSpinner } from '../../components/PageSpinner';
import { AddressBook } from './AddressBook';
import { ProfileForm } from './ProfileForm';
import { RequireSignIn } from './RequireSignIn';
import { VerifyEmailNotice } from './VerifyEmailNotice';
import { useProfile, useSignOut, useUpdateProfile } from './api';

function Account() {
  const profile = useProfile();
  const addresses = useUpdateProfile();
  const signOut = useSignOut();
  const navigate = useNavigate();

  if (profile.isPending) return <PageSpinner label="Loading your profile" />;
  if (profile.error)
    return (
      <ErrorMessage
        error={profile.error}
        title="We could not load your profile."
        onRetry={() => void profile.refetch()}
      />
    );

  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-center justify-between gap-4">
        <div>
          <h1 className="text-3xl font-bold">Hello, {profile.data.name}</h1>
          <p className="text-stone-600">{profile.data.email}</p>
        </div>
        <div className="flex gap-2">
          <LinkButton to="/account/orders" variant="secondary">
            Your orders
          </LinkButton>
          <Button
            variant="secondary"
            busy={signOut.isPending}
            onClick={() => {
              // Leave the account page first: once signed out it would send us to sign in.
              void navigate('/');
              signOut.mutate();
            }}
          >
            Sign out
          </Button>
        </div>
      </div>
      {!profile.data.email_verified && <VerifyEmailNotice email={profile.data.email} />}
      <div className="grid gap-6 lg:grid-cols-2">
        <section
          aria-labelledby="profile-heading"
          className="rounded-2xl border border-stone-200 bg-white p-5"
        >
          <h2 id="profile-heading" className="mb-4 text-lg font-semibold">
            Profile
          </h2>
          <ProfileForm profile={profile.data} />
        </section>
        <section
          aria-labelledby="addresses-heading"
          className="rounded-2xl border border-stone-200 bg-white p-5"
        >
          <h2 id="addresses-heading" className="mb-4 text-lg font-semibold">
            Saved addresses
          </h2>
          <AddressBook
            addresses={profile.data.addresses}
            saving={addresses.isPending}
            onChange={(list) => addresses.mutate({ addresses: list })}
          />
          <div aria-live="polite" className="mt-2 text-sm">
            {addresses.isSuccess && <p className="font-medium text-emerald-800">Addresses saved.</p>}
            {addresses.isError && (
              <p role="alert" className="font-medium text-red-700">
                {errorMessage(addresses.error)}
              </p>
            )}
          </div>
        </section>
      </div>
    </div>
  );
}

export function AccountPage() {
  useDocumentTitle('Your account');
  return (
    <RequireSignIn>
      <Account />
    </RequireSignIn>
  );
}
