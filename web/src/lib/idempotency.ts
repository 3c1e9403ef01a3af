/**
 * Idempotency keys for one attempt: the same attempt (a double click, a retry after a lost
 * answer) reuses its key so the server replays the first result; a new attempt takes a new key.
 */
export function newIdempotencyKey(): string {
  return crypto.randomUUID();
}
