import { countOf } from '../lib/plural';

interface StarsProps {
  rating: number | null | undefined;
  count?: number;
  size?: 'sm' | 'md';
}

/** An average rating as five stars filled in proportion, read out as "Rated 4.5 out of 5". */
export function Stars({ rating, count, size = 'sm' }: StarsProps) {
  if (rating === null || rating === undefined) {
    return <span className="text-sm text-stone-600">No reviews yet</span>;
  }
  const shown = Math.round(rating * 10) / 10;
  const label = `Rated ${shown} out of 5${count !== undefined ? `, ${countOf(count, 'review', 'reviews')}` : ''}`;
  const text = size === 'sm' ? 'text-sm' : 'text-xl';
  return (
    <span className={`inline-flex items-center gap-1 ${text}`}>
      <span role="img" aria-label={label} className="relative inline-block leading-none">
        <span aria-hidden="true" className="text-stone-300">
          ★★★★★
        </span>
        <span
          aria-hidden="true"
          className="absolute inset-0 overflow-hidden whitespace-nowrap text-amber-600"
          style={{ width: `${Math.min(100, Math.max(0, (rating / 5) * 100))}%` }}
        >
          ★★★★★
        </span>
      </span>
      <span aria-hidden="true" className="text-stone-600">
        {shown.toFixed(1)}
        {count !== undefined && ` (${count})`}
      </span>
    </span>
  );
}
