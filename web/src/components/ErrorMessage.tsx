import { errorMessage } from '../api/errors';
import { Button } from './Button';

interface ErrorMessageProps {
  error: unknown;
  /** What failed, e.g. "We could not load the basket." */
  title?: string;
  onRetry?: () => void;
}

/** An error in words, announced, with a way to try again. */
export function ErrorMessage({ error, title = 'Something went wrong', onRetry }: ErrorMessageProps) {
  return (
    <div role="alert" className="rounded-xl border border-red-200 bg-red-50 p-4 text-red-900">
      <p className="font-semibold">{title}</p>
      <p className="mt-1 text-sm">{errorMessage(error)}</p>
      {onRetry && (
        <Button variant="secondary" size="sm" className="mt-3" onClick={onRetry}>
          Try again
        </Button>
      )}
    </div>
  );
}
