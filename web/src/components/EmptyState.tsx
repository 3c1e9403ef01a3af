import type { ReactNode } from 'react';

interface EmptyStateProps {
  icon?: string;
  title: string;
  children?: ReactNode;
}

export function EmptyState({ icon = '🍽️', title, children }: EmptyStateProps) {
  return (
    <div className="rounded-2xl border border-dashed border-stone-300 bg-white px-6 py-12 text-center">
      <p className="text-4xl" aria-hidden="true">
        {icon}
      </p>
      <h2 className="mt-3 text-lg font-semibold text-stone-900">{title}</h2>
      {children && <div className="mt-3 text-stone-600">{children}</div>}
    </div>
  );
}
