/**
 * The typed API client: every call to the edge goes through `api` (paths and bodies checked
 * against the OpenAPI document in schema.d.ts). Requests are same-origin and send cookies, so
 * a visitor's cart (the HttpOnly `mk_cart` cookie) travels with them.
 */
import createClient, { type Client } from 'openapi-fetch';
import type { paths } from './schema';
import { createAuthMiddleware, type RefreshResult } from './authMiddleware';
import { session as defaultSession, type SessionStore } from '../auth/session';

export type ApiClient = Client<paths>;

/**
 * Sent with login and refresh: a browser session, whose refresh token the edge keeps in an
 * HttpOnly cookie instead of the response body.
 */
export const BROWSER_SESSION = { 'X-Session': 'cookie' } as const;

export interface ApiClientOptions {
  baseUrl?: string;
  fetch?: typeof globalThis.fetch;
  store?: SessionStore;
}

export function createApiClient({
  // Same origin: the edge serves both the app and the API.
  baseUrl = typeof location === 'undefined' ? '' : location.origin,
  fetch = (input, init) => globalThis.fetch(input, init),
  store = defaultSession,
}: ApiClientOptions = {}): ApiClient {
  const client = createClient<paths>({ baseUrl, fetch, credentials: 'same-origin' });

  // The browser session's refresh token is in its HttpOnly cookie: the edge reads it there.
  async function refresh(): Promise<RefreshResult> {
    try {
      const { data, response } = await client.POST('/auth/refresh', {
        body: {},
        headers: BROWSER_SESSION,
      });
      if (data) return { kind: 'renewed', tokens: { accessToken: data.access_token } };
      // A 429 or 5xx says nothing about the session: keep it and let the caller see the 401.
      return response.status === 401 || response.status === 400 || response.status === 422
        ? { kind: 'refused' }
        : { kind: 'unreachable' };
    } catch {
      return { kind: 'unreachable' };
    }
  }

  client.use(createAuthMiddleware({ store, refresh }));
  return client;
}

/** The app's one client. */
export const api = createApiClient();
