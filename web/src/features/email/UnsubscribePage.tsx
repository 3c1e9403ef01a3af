import { useSearchParams } from 'react-router';
import { errorMessage } from '../../api/errors';
import { Button } from '../../components/Button';
import { LinkButton } from '../../components/LinkButton';
import { useDocumentTitle } from '../../components/useDocumentTitle';
import { AuthCard } from '../account/AuthCard';
import { useUnsubscribe } from './api';

/** Opened from the unsubscribe link of a promotional email. Nothing changes until the button
 * is pressed: mail systems' link scanners open links too, and must not unsubscribe anyone. */
export function UnsubscribePage() {
  useDocumentTitle('Unsubscribe');
  const [params] = useSearchParams();
  const token = params.get('token') ?? '';
  const unsubscribe = useUnsubscribe();

  return (
    <AuthCard title="Unsubscribe from news and offers">
      {!token ? (
        <p role="alert" className="text-stone-700">
          This link is incomplete. Open the link from the email again.
        </p>
      ) : unsubscribe.isSuccess ? (
        <div role="status" className="space-y-4">
          <p className="rounded-lg bg-emerald-50 p-4 text-emerald-900">
            Done: you will get no more news and offers from us. Emails about your orders still come.
          </p>
          <LinkButton to="/shop" size="lg" className="w-full">
            Back to the shop
          </LinkButton>
        </div>
      ) : (
        <div className="space-y-4 text-stone-700">
          <p>Stop getting our news and offers by email? Emails about your orders still come.</p>
          {unsubscribe.isError && (
            <p role="alert" className="rounded-lg bg-red-50 p-3 font-medium text-red-800">
              {errorMessage(unsubscribe.error)}
            </p>
          )}
          <Button
            size="lg"
            className="w-full"
            busy={unsubscribe.isPending}
            onClick={() => unsubscribe.mutate(token)}
          >
            Unsubscribe
          </Button>
        </div>
      )}
    </AuthCard>
  );
}
