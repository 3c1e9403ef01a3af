import { useState, type ReactNode } from 'react';
import { Button } from './Button';
import type { ButtonSize, ButtonVariant } from './buttonClasses';
import { ConfirmDialog } from './ConfirmDialog';

/** The parts of a mutation (TanStack Query's) the confirmation shows. */
interface Action {
  isPending: boolean;
  error: unknown;
  reset: () => void;
}

interface ConfirmButtonProps {
  /** The button's text, and its accessible name unless `ariaLabel` says more. */
  label: string;
  ariaLabel?: string;
  variant?: ButtonVariant;
  size?: ButtonSize;
  title: string;
  confirmLabel: string;
  cancelLabel?: string;
  /** What happens, in a sentence or two. */
  children: ReactNode;
  action: Action;
  /** Starts the action; calls `done` when it succeeded (the dialog then closes). */
  run: (done: () => void) => void;
}

/** A button for what cannot be undone: it asks first, in a dialog that shows progress and errors. */
export function ConfirmButton({
  label,
  ariaLabel,
  variant = 'secondary',
  size = 'md',
  title,
  confirmLabel,
  cancelLabel = 'Keep it',
  children,
  action,
  run,
}: ConfirmButtonProps) {
  const [open, setOpen] = useState(false);
  return (
    <>
      <Button variant={variant} size={size} onClick={() => setOpen(true)} aria-label={ariaLabel}>
        {label}
      </Button>
      <ConfirmDialog
        open={open}
        title={title}
        confirmLabel={confirmLabel}
        cancelLabel={cancelLabel}
        danger
        busy={action.isPending}
        error={action.error}
        onClose={() => {
          setOpen(false);
          action.reset();
        }}
        onConfirm={() => run(() => setOpen(false))}
      >
        {children}
      </ConfirmDialog>
    </>
  );
}
