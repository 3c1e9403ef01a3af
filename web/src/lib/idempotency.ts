/**
 * Idempotency keys for one attempt: the same attempt (a double click, a retry after a lost
 * answer) reuses its key so the server replays the first result; a new attempt takes a new key.
 *
 * `crypto.randomUUID` exists only in secure contexts (HTTPS or localhost): a shop opened by its
 * LAN address over plain HTTP still has `crypto.getRandomValues`, so the key is built from that.
 */
export function newIdempotencyKey(): string {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  return uuidFromRandomBytes(crypto.getRandomValues(new Uint8Array(16)));
}

/** An RFC 4122 version 4 UUID from 16 random bytes. */
export function uuidFromRandomBytes(bytes: Uint8Array): string {
  const hex = Array.from(bytes, (x, i) => {
    if (i === 6) return (x & 0x0f) | 0x40; // version 4
    if (i === 8) return (x & 0x3f) | 0x80; // variant 10xx
    return x;
  })
    .map((x) => x.toString(16).padStart(2, '0'))
    .join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
