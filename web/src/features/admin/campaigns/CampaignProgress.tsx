import { useParams } from 'react-router';
import { useDocumentTitle } from '../../../components/useDocumentTitle';
import { ErrorMessage } from '../../../components/ErrorMessage';
import { LinkButton } from '../../../components/LinkButton';
import { PageSpinner } from '../../../components/PageSpinner';
import { formatDateTime } from '../../../lib/date';
import { useCampaign } from './api';

export function CampaignProgress() {
  const { campaignId = '' } = useParams();
  const campaign = useCampaign(campaignId);
  useDocumentTitle('Campaign · Admin');
  if (campaign.isPending) return <PageSpinner label="Loading campaign" />;
  if (campaign.error) return <ErrorMessage error={campaign.error} title="This campaign did not load." />;
  const c = campaign.data;
  const done = c.sent + c.skipped + c.failed;
  const finished = done >= c.recipients;
  const percent = c.recipients === 0 ? 100 : Math.round((done / c.recipients) * 100);
  return (
    <div className="max-w-2xl space-y-4">
      <h1 className="text-2xl font-bold">{c.subject}</h1>
      <p className="text-sm text-stone-600">Created {formatDateTime(c.created_at)}</p>
      <section
        aria-labelledby="progress-heading"
        className="rounded-2xl border border-stone-200 bg-white p-5"
      >
        <h2 id="progress-heading" className="mb-3 text-lg font-semibold">
          {finished ? 'Finished' : 'Sending…'}
        </h2>
        <div
          role="progressbar"
          aria-label="Campaign progress"
          aria-valuemin={0}
          aria-valuemax={100}
          aria-valuenow={percent}
          className="h-3 overflow-hidden rounded-full bg-stone-200"
        >
          <div className="h-full bg-orange-700 transition-all" style={{ width: `${percent}%` }} />
        </div>
        <dl
          className="mt-4 grid grid-cols-2 gap-3 text-sm sm:grid-cols-4"
          aria-live="polite"
          data-testid="campaign-counts"
        >
          {[
            ['Recipients', c.recipients],
            ['Sent', c.sent],
            ['Skipped (opted out)', c.skipped],
            ['Failed', c.failed],
          ].map(([label, value]) => (
            <div key={label}>
              <dt className="text-stone-600">{label}</dt>
              <dd className="text-2xl font-bold tabular-nums">{value}</dd>
            </div>
          ))}
        </dl>
      </section>
      <section aria-labelledby="body-heading" className="rounded-2xl border border-stone-200 bg-white p-5">
        <h2 id="body-heading" className="mb-2 text-lg font-semibold">
          Message
        </h2>
        <p className="whitespace-pre-line text-stone-800">{c.body}</p>
      </section>
      <LinkButton to="/admin/campaigns" variant="secondary">
        Write another campaign
      </LinkButton>
    </div>
  );
}
