import type { ReactNode } from 'react';

interface StepProps {
  number: number;
  title: string;
  id: string;
  done?: boolean;
  children: ReactNode;
}

/** A numbered checkout section. */
export function Step({ number, title, id, done = false, children }: StepProps) {
  return (
    <section aria-labelledby={id} className="rounded-2xl border border-stone-200 bg-white p-5 sm:p-6">
      <h2 id={id} className="mb-4 flex items-center gap-3 text-lg font-semibold">
        <span
          aria-hidden="true"
          className={`flex h-7 w-7 items-center justify-center rounded-full text-sm font-bold ${done ? 'bg-emerald-700 text-white' : 'bg-orange-700 text-white'}`}
        >
          {done ? '✓' : number}
        </span>
        {title}
      </h2>
      {children}
    </section>
  );
}
