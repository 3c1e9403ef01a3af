/** Where to go after signing in: only an app path on this site (never another origin). */
export function safeNext(next: string | null, fallback = '/account'): string {
  if (!next || !next.startsWith('/') || next.startsWith('//') || next.startsWith('/\\')) return fallback;
  return next;
}
