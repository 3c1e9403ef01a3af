import { errorMessage } from '../../api/errors';
import { Button } from '../../components/Button';
import { useResendVerification } from './passwordApi';

/** Asks the customer to confirm their address, with a way to get a fresh link. */
export function VerifyEmailNotice({ email }: { email: string }) {
  const resend = useResendVerification();
  return (
    <div className="flex flex-wrap items-center gap-3 rounded-2xl border border-amber-200 bg-amber-50 p-4 text-amber-950">
      <p className="min-w-0 flex-1 text-sm">
        Please confirm <strong>{email}</strong>: open the link we emailed you when you signed up.
      </p>
      <Button
        variant="secondary"
        size="sm"
        busy={resend.isPending}
        disabled={resend.isSuccess}
        onClick={() => resend.mutate()}
      >
        Send a new link
      </Button>
      <div aria-live="polite" className="w-full text-sm empty:hidden">
        {resend.isSuccess && <p className="font-medium text-emerald-800">A new link is on its way.</p>}
        {resend.isError && (
          <p role="alert" className="font-medium text-red-700">
            {errorMessage(resend.error)}
          </p>
        )}
      </div>
    </div>
  );
}
