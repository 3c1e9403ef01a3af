import type { StatusChange } from '../../api/types';
import { formatDateTime } from '../../lib/date';
import { historyEntry } from '../../lib/historyEntry';

export function StatusHistory({ history }: { history: StatusChange[] }) {
  if (history.length === 0) return null;
  return (
    <ol className="relative space-y-4 border-l-2 border-orange-200 pl-5">
      {history.map((change, i) => {
        const entry = historyEntry(change);
        return (
          <li key={`${change.status}-${change.at}-${i}`} className="relative">
            <span
              aria-hidden="true"
              className="absolute top-1.5 -left-[1.72rem] h-3 w-3 rounded-full bg-orange-700 ring-4 ring-cream"
            />
            <p className="font-medium">{entry.title}</p>
            <p className="text-sm text-stone-600">
              <time dateTime={change.at}>{formatDateTime(change.at)}</time>
              {entry.note ? ` · ${entry.note}` : ''}
            </p>
          </li>
        );
      })}
    </ol>
  );
}
