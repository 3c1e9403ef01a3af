interface SpinnerProps {
  /** What is loading, for screen readers. */
  label?: string;
  className?: string;
}

export function Spinner({ label = 'Loading', className = '' }: SpinnerProps) {
  return (
    <span role="status" className={`inline-flex items-center gap-2 ${className}`}>
      <span
        aria-hidden="true"
        className="h-5 w-5 animate-spin rounded-full border-2 border-orange-200 border-t-orange-700"
      />
      <span className="sr-only">{label}</span>
    </span>
  );
}
