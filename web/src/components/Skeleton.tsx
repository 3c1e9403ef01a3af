interface SkeletonProps {
  className?: string;
}

/** A grey placeholder block while content loads (hidden from screen readers). */
export function Skeleton({ className = '' }: SkeletonProps) {
  return <div aria-hidden="true" className={`animate-pulse rounded-lg bg-stone-200 ${className}`} />;
}
