import { describe, expect, it } from 'vitest';
import { createApiClient } from './client';
import { createSessionStore, type SessionStore } from '../auth/session';

/** A JWT-shaped token the session can decode (the edge, not the app, verifies signatures). */
function fakeJwt(sub: string, n: number): string {
  const encode = (value: object) =>
    btoa(JSON.stringify(value)).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
  return `${encode({ alg: 'HS256' })}.${encode({ sub, roles: ['customer'], exp: 2_000_000_000, n })}.sig`;
}

const OLD = fakeJwt('user-1', 1);
const NEW = fakeJwt('user-1', 2);

function json(status: number, body: unknown): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: { 'content-type': 'application/json' },
  });
}

interface FakeServer {
  fetch: typeof globalThis.fetch;
  refreshCalls: number;
  profileCalls: string[];
  /** The browser session's HttpOnly cookie, as the browser holds it (no script can read it). */
  cookie: string;
}

/**
 * A fake edge: /users/me accepts only the NEW access token; /auth/refresh renews the browser
 * session of cookie refresh-1 (after `refreshDelay` ms) unless told to refuse, rotating the
 * cookie and answering no refresh token in the body, as the edge does for `X-Session: cookie`.
 */
function fakeServer({ refuse = false, refreshDelay = 0 } = {}): FakeServer {
  const server: FakeServer = {
    refreshCalls: 0,
    profileCalls: [],
    cookie: 'refresh-1',
    fetch: async (input, init) => {
      const request = input instanceof Request ? input : new Request(input, init);
      const path = new URL(request.url).pathname;
      if (path === '/auth/refresh') {
        server.refreshCalls += 1;
        const body = (await request.json()) as { refresh_token?: string };
        await new Promise((r) => setTimeout(r, refreshDelay));
        const browserSession = request.headers.get('x-session') === 'cookie';
        if (refuse || !browserSession || body.refresh_token || server.cookie !== 'refresh-1') {
          return json(401, { error: { code: 'unauthorized', message: 'session revoked' } });
        }
        server.cookie = 'refresh-2';
        return json(200, { access_token: NEW, token_type: 'Bearer', expires_in: 900 });
      }
      if (path === '/users/me') {
        const auth = request.headers.get('authorization') ?? '';
        server.profileCalls.push(auth);
        if (auth !== `Bearer ${NEW}`) {
          return json(401, { error: { code: 'unauthorized', message: 'token expired' } });
        }
        return json(200, { id: 'user-1', name: 'Ada' });
      }
      return json(404, { error: { code: 'not_found', message: path } });
    },
  };
  return server;
}

function signedInStore(): SessionStore {
  const store = createSessionStore(window.localStorage);
  store.set({ accessToken: OLD });
  return store;
}

describe('auth middleware', () => {
  it('refreshes once on a 401 and retries the request with the new token', async () => {
    const server = fakeServer();
    const store = signedInStore();
    const api = createApiClient({ baseUrl: 'http://edge.test', fetch: server.fetch, store });

    const { data, response } = await api.GET('/users/me');

    expect(response.status).toBe(200);
    expect(data?.name).toBe('Ada');
    expect(server.refreshCalls).toBe(1);
    expect(server.profileCalls).toEqual([`Bearer ${OLD}`, `Bearer ${NEW}`]);
    expect(store.get()?.tokens).toEqual({ accessToken: NEW });
    expect(server.cookie).toBe('refresh-2');
  });

  it('never keeps a refresh token where a page script could read it', async () => {
    const server = fakeServer();
    const store = signedInStore();
    const api = createApiClient({ baseUrl: 'http://edge.test', fetch: server.fetch, store });

    await api.GET('/users/me');

    expect(window.localStorage.getItem('mk.session')).toBe(JSON.stringify({ accessToken: NEW }));
  });

  it('drops a session an older version stored with its refresh token', () => {
    window.localStorage.setItem('mk.session', JSON.stringify({ accessToken: OLD, refreshToken: 'r' }));

    expect(createSessionStore(window.localStorage).get()).toBeNull();
    expect(window.localStorage.getItem('mk.session')).toBeNull();
  });

  it('shares one refresh between concurrent 401s', async () => {
    const server = fakeServer({ refreshDelay: 20 });
    const store = signedInStore();
    const api = createApiClient({ baseUrl: 'http://edge.test', fetch: server.fetch, store });

    const results = await Promise.all([api.GET('/users/me'), api.GET('/users/me'), api.GET('/users/me')]);

    expect(results.map((r) => r.response.status)).toEqual([200, 200, 200]);
    expect(server.refreshCalls).toBe(1);
    expect(server.cookie).toBe('refresh-2');
  });

  it('signs out locally when the refresh is refused', async () => {
    const server = fakeServer({ refuse: true });
    const store = signedInStore();
    const api = createApiClient({ baseUrl: 'http://edge.test', fetch: server.fetch, store });

    const { response } = await api.GET('/users/me');

    expect(response.status).toBe(401);
    expect(server.refreshCalls).toBe(1);
    expect(store.get()).toBeNull();
    expect(window.localStorage.getItem('mk.session')).toBeNull();
  });

  it('does not refresh for a visitor without a token', async () => {
    const server = fakeServer();
    const store = createSessionStore(window.localStorage);
    const api = createApiClient({ baseUrl: 'http://edge.test', fetch: server.fetch, store });

    const { response } = await api.GET('/users/me');

    expect(response.status).toBe(401);
    expect(server.refreshCalls).toBe(0);
    expect(server.profileCalls).toEqual(['']);
  });
});
