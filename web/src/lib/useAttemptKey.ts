import { useRef } from 'react';
import { ApiError } from '../api/errors';
import { newIdempotencyKey } from './idempotency';

/**
 * One Idempotency-Key per attempt. `key()` returns the current attempt's key (making one if
 * needed); `settle(error?)` ends the attempt when the answer was definite (success or a 4xx),
 * so the next click is a new attempt. After a lost answer (network error, 5xx) the key stays,
 * and trying again replays the same attempt on the server instead of doing it twice.
 */
export function useAttemptKey() {
  const current = useRef<string | null>(null);
  return {
    key(): string {
      current.current ??= newIdempotencyKey();
      return current.current;
    },
    settle(error?: unknown) {
      const definite =
        error === undefined || (error instanceof ApiError && error.status >= 400 && error.status < 500);
      if (definite) current.current = null;
    },
  };
}
