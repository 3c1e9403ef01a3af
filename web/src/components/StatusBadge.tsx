import { statusLabel, statusTone } from '../lib/orderStatus';

interface StatusBadgeProps {
  status: string;
  className?: string;
}

export function StatusBadge({ status, className = '' }: StatusBadgeProps) {
  return (
    <span
      className={`inline-flex items-center rounded-full px-2.5 py-0.5 text-sm font-semibold ring-1 ring-inset ${statusTone(status)} ${className}`}
    >
      {statusLabel(status)}
    </span>
  );
}
