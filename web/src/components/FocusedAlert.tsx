import { useRef, type ReactNode } from 'react';
import { useFocusWhenShown } from './useFocusWhenShown';

const TONES = {
  error: 'border-red-200 bg-red-50 text-red-900',
  neutral: 'border-stone-300 bg-stone-100 text-stone-900',
} as const;

interface FocusedAlertProps {
  /** The failure this alert is about: focus and scroll follow each new value. */
  cause: unknown;
  tone?: keyof typeof TONES;
  /** Names the alert for assistive technology (the id of its heading). */
  labelledBy?: string;
  className?: string;
  children: ReactNode;
}

/** An announced message that takes focus and comes into view when it appears. */
export function FocusedAlert({
  cause,
  tone = 'error',
  labelledBy,
  className = '',
  children,
}: FocusedAlertProps) {
  const ref = useRef<HTMLDivElement>(null);
  useFocusWhenShown(ref, cause);
  return (
    <div
      ref={ref}
      role="alert"
      tabIndex={-1}
      aria-labelledby={labelledBy}
      className={`rounded-xl border p-4 ${TONES[tone]} ${className}`}
    >
      {children}
    </div>
  );
}
