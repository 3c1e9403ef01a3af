import { useSearchParams } from 'react-router';
import { Button } from '../../../components/Button';
import { ErrorMessage } from '../../../components/ErrorMessage';
import { SelectField } from '../../../components/SelectField';
import { Skeleton } from '../../../components/Skeleton';
import { useDocumentTitle } from '../../../components/useDocumentTitle';
import { formatDateTime } from '../../../lib/date';
import { useAuditLog } from './api';
import { AUDIT_ACTIONS, isAuditAction } from './auditActions';
import { AuditChange } from './AuditChange';

/**
 * Who changed prices, stock, refunds and roles, when, from what to what; newest first, one
 * kind at a time if asked (in the URL), older entries on demand.
 */
export function AuditLogPage() {
  useDocumentTitle('Audit log · Admin');
  const [params, setParams] = useSearchParams();
  const raw = params.get('action');
  const action = isAuditAction(raw) ? raw : null;
  const log = useAuditLog(action);
  const entries = log.data?.pages.flatMap((p) => p.items) ?? [];

  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-bold">Audit log</h1>
      <div className="rounded-2xl border border-stone-200 bg-white p-4">
        <SelectField
          label="Kind of change"
          value={action ?? ''}
          onChange={(e) => setParams(isAuditAction(e.target.value) ? { action: e.target.value } : {})}
          className="w-full sm:w-56"
        >
          <option value="">Every change</option>
          {AUDIT_ACTIONS.map((a) => (
            <option key={a.action} value={a.action}>
              {a.label}
            </option>
          ))}
        </SelectField>
      </div>
      {log.isPending ? (
        <Skeleton className="h-64 w-full" />
      ) : log.error && entries.length === 0 ? (
        <ErrorMessage
          error={log.error}
          title="The audit log did not load."
          onRetry={() => void log.refetch()}
        />
      ) : entries.length === 0 ? (
        <p className="rounded-2xl border border-dashed border-stone-300 p-6 text-center text-stone-600">
          Nothing has changed yet.
        </p>
      ) : (
        <>
          <ol
            aria-label="Changes, newest first"
            className="divide-y divide-stone-100 rounded-2xl border border-stone-200 bg-white"
          >
            {entries.map((entry) => (
              <li key={entry.id} className="grid gap-1 px-4 py-3 text-sm sm:grid-cols-[11rem_1fr]">
                <time dateTime={entry.at} className="text-stone-600">
                  {formatDateTime(entry.at)}
                </time>
                <div className="min-w-0">
                  <AuditChange entry={entry} />
                  <p className="text-stone-600">
                    by{' '}
                    {!entry.actor ? (
                      'the shop itself'
                    ) : (
                      <span className="break-all">{entry.actor_email ?? 'a deleted account'}</span>
                    )}
                  </p>
                </div>
              </li>
            ))}
          </ol>
          {log.error && (
            <ErrorMessage
              error={log.error}
              title="Older changes did not load."
              onRetry={() => void log.fetchNextPage()}
            />
          )}
          {log.hasNextPage && (
            <div className="flex justify-center">
              <Button
                variant="secondary"
                busy={log.isFetchingNextPage}
                onClick={() => void log.fetchNextPage()}
              >
                {log.isFetchingNextPage ? 'Loading…' : 'Show older changes'}
              </Button>
            </div>
          )}
        </>
      )}
    </div>
  );
}
