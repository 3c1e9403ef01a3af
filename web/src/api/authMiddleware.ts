/**
 * The one place where requests get their bearer token and where an expired access token is
 * renewed. On a 401 for a request that carried a token, the middleware refreshes ONCE and
 * retries the request once with the new token. Refresh tokens rotate and presenting an old one
 * again revokes the whole session, so concurrent 401s must share one refresh: `inflight` is
 * that single flight. If the refresh is refused, the session is cleared (signed out locally).
 */
import type { Middleware } from 'openapi-fetch';
import type { SessionStore, Tokens } from '../auth/session';

/** Outcome of asking the edge for a new token pair. */
export type RefreshResult =
  { kind: 'renewed'; tokens: Tokens } | { kind: 'refused' } | { kind: 'unreachable' };

export interface AuthMiddlewareOptions {
  store: SessionStore;
  /** Renews the session (its refresh token travels in the HttpOnly cookie). */
  refresh: () => Promise<RefreshResult>;
}

/** Paths that never carry (or renew) a bearer token: they are how one gets one. */
const TOKENLESS = new Set(['/auth/login', '/auth/register', '/auth/refresh']);

interface Pending {
  /** An unsent copy of the request, taken before fetch consumed its body. */
  retry: Request;
  /** The access token the request was sent with, if any. */
  token: string | null;
}

export function createAuthMiddleware({ store, refresh }: AuthMiddlewareOptions): Middleware {
  const pending = new Map<string, Pending>();
  let inflight: Promise<string | null> | null = null;

  /** A fresh access token, or null when there is none to be had (then signed out if refused). */
  function refreshOnce(): Promise<string | null> {
    if (inflight) return inflight;
    const current = store.get();
    if (!current) return Promise.resolve(null);
    inflight = refresh()
      .then((result) => {
        if (result.kind === 'renewed') {
          store.set(result.tokens);
          return result.tokens.accessToken;
        }
        if (result.kind === 'refused') store.clear();
        return null;
      })
      .finally(() => {
        inflight = null;
      });
    return inflight;
  }

  return {
    onRequest({ request, schemaPath, id }) {
      if (TOKENLESS.has(schemaPath)) return undefined;
      const token = store.get()?.tokens.accessToken ?? null;
      if (token) request.headers.set('Authorization', `Bearer ${token}`);
      pending.set(id, { retry: request.clone(), token });
      return request;
    },

    async onResponse({ response, id, options }) {
      const entry = pending.get(id);
      pending.delete(id);
      if (!entry || response.status !== 401 || entry.token === null) return undefined;
      // Someone else renewed the token while this request was out: use theirs.
      const current = store.get()?.tokens.accessToken ?? null;
      const token = current && current !== entry.token ? current : await refreshOnce();
      if (!token) return undefined;
      entry.retry.headers.set('Authorization', `Bearer ${token}`);
      return options.fetch(entry.retry);
    },

    onError({ id }) {
      pending.delete(id);
      return undefined;
    },
  };
}
