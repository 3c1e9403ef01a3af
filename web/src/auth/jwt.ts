/** The claims of our access tokens that the app reads (see schemas/src/auth.rs, AccessClaims). */
export interface AccessClaims {
  /** The user's id. */
  sub: string;
  email: string;
  roles: string[];
  /** Expiry, seconds since the epoch. */
  exp: number;
}

function base64UrlDecode(part: string): string {
  const base64 = part.replace(/-/g, '+').replace(/_/g, '/');
  const padded = base64 + '='.repeat((4 - (base64.length % 4)) % 4);
  const binary = atob(padded);
  const bytes = Uint8Array.from(binary, (c) => c.charCodeAt(0));
  return new TextDecoder().decode(bytes);
}

function isClaims(value: unknown): value is AccessClaims {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Record<string, unknown>;
  return (
    typeof v.sub === 'string' &&
    typeof v.exp === 'number' &&
    Array.isArray(v.roles) &&
    v.roles.every((r) => typeof r === 'string')
  );
}

/**
 * Reads a JWT's payload without verifying it: the edge verifies every token; the app only
 * needs to know whose it is and which roles it names, to choose what to show.
 */
export function decodeClaims(token: string): AccessClaims | null {
  const payload = token.split('.')[1];
  if (!payload) return null;
  try {
    const parsed: unknown = JSON.parse(base64UrlDecode(payload));
    if (!isClaims(parsed)) return null;
    return { ...parsed, email: typeof parsed.email === 'string' ? parsed.email : '' };
  } catch {
    return null;
  }
}
