import { useState, type FormEvent } from 'react';
import { Link, useNavigate } from 'react-router';
import { errorMessage } from '../../../api/errors';
import { useDocumentTitle } from '../../../components/useDocumentTitle';
import { Button } from '../../../components/Button';
import { ConfirmDialog } from '../../../components/ConfirmDialog';
import { TextArea } from '../../../components/TextArea';
import { TextField } from '../../../components/TextField';
import { formatDateTime } from '../../../lib/date';
import { useAttemptKey } from '../../../lib/useAttemptKey';
import { useSendCampaign } from './api';
import { recentCampaigns, rememberCampaign } from './recentCampaigns';

export function CampaignsPage() {
  useDocumentTitle('Campaigns · Admin');
  const navigate = useNavigate();
  const [subject, setSubject] = useState('');
  const [body, setBody] = useState('');
  const [problems, setProblems] = useState<{ subject?: string | undefined; body?: string | undefined }>({});
  const [confirming, setConfirming] = useState(false);
  const send = useSendCampaign();
  const attempt = useAttemptKey();
  const recent = recentCampaigns();

  function submit(event: FormEvent) {
    event.preventDefault();
    const found = {
      subject: !subject.trim()
        ? 'Write a subject.'
        : /[\r\n]/.test(subject)
          ? 'Keep the subject on one line.'
          : undefined,
      body: body.trim() ? undefined : 'Write the message.',
    };
    setProblems(found);
    if (found.subject || found.body || send.isPending) return;
    setConfirming(true);
  }

  // Emails cannot be called back: the form only asks, the dialog sends.
  function sendNow() {
    send.mutate(
      { subject: subject.trim(), body, key: attempt.key() },
      {
        onSuccess: (accepted) => {
          attempt.settle();
          setConfirming(false);
          rememberCampaign({
            id: accepted.campaign_id,
            subject: subject.trim(),
            at: new Date().toISOString(),
          });
          void navigate(`/admin/campaigns/${accepted.campaign_id}`);
        },
        onError: (error) => attempt.settle(error),
      },
    );
  }

  return (
    <div className="grid gap-6 lg:grid-cols-[1fr_18rem]">
      <section
        aria-labelledby="campaign-heading"
        className="rounded-2xl border border-stone-200 bg-white p-5"
      >
        <h1 id="campaign-heading" className="mb-1 text-2xl font-bold">
          New campaign
        </h1>
        <p className="mb-4 text-sm text-stone-600">
          An email to every customer who opted in to offers. Each email carries an unsubscribe link.
        </p>
        <form onSubmit={submit} noValidate className="space-y-4" aria-label="New campaign">
          <TextField
            label="Subject"
            value={subject}
            maxLength={200}
            onChange={(e) => setSubject(e.target.value)}
            error={problems.subject}
            required
          />
          <TextArea
            label="Message"
            rows={10}
            value={body}
            onChange={(e) => setBody(e.target.value)}
            error={problems.body}
            hint="Plain text. Blank lines separate paragraphs."
          />
          {send.isError && (
            <p role="alert" className="rounded-lg bg-red-50 p-3 text-sm font-medium text-red-800">
              {errorMessage(send.error)}
            </p>
          )}
          <Button type="submit" busy={send.isPending}>
            Send campaign
          </Button>
        </form>
        <ConfirmDialog
          open={confirming}
          title={`Send “${subject.trim()}”?`}
          confirmLabel="Send now"
          cancelLabel="Not yet"
          busy={send.isPending}
          error={send.error}
          onClose={() => {
            setConfirming(false);
            send.reset();
          }}
          onConfirm={sendNow}
        >
          It goes to every customer who opted in to offers. Sent emails cannot be called back.
        </ConfirmDialog>
      </section>
      <section
        aria-labelledby="recent-heading"
        className="h-fit rounded-2xl border border-stone-200 bg-white p-5"
      >
        <h2 id="recent-heading" className="mb-3 text-lg font-semibold">
          Sent from this browser
        </h2>
        {recent.length === 0 ? (
          <p className="text-sm text-stone-600">None yet.</p>
        ) : (
          <ul className="space-y-2 text-sm">
            {recent.map((c) => (
              <li key={c.id}>
                <Link to={`/admin/campaigns/${c.id}`} className="font-medium text-orange-800 hover:underline">
                  {c.subject}
                </Link>
                <span className="block text-stone-600">{formatDateTime(c.at)}</span>
              </li>
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}
