/**
 * The signed-in session: the access token from POST /auth/login, kept in localStorage so it
 * survives a reload, and shared between tabs through the `storage` event. Components read it
 * with `useSession`; the API client reads and replaces it in its auth middleware.
 *
 * The refresh token is never here: the app signs in as a browser session (`X-Session: cookie`),
 * whose refresh token the edge keeps in an HttpOnly cookie no page script can read, so an
 * injected script could take at most a 15-minute access token.
 */
import { decodeClaims, type AccessClaims } from './jwt';

export interface Tokens {
  accessToken: string;
}

export interface Session {
  tokens: Tokens;
  claims: AccessClaims;
}

const STORAGE_KEY = 'mk.session';

type Listener = () => void;

export interface SessionStore {
  get(): Session | null;
  set(tokens: Tokens): void;
  clear(): void;
  subscribe(listener: Listener): () => void;
}

function read(storage: Storage): Session | null {
  const raw = storage.getItem(STORAGE_KEY);
  if (!raw) return null;
  try {
    const parsed = JSON.parse(raw) as Partial<Tokens> & { refreshToken?: unknown };
    // A session kept by an older version held its refresh token here: drop it (sign in again).
    if ('refreshToken' in parsed) {
      storage.removeItem(STORAGE_KEY);
      return null;
    }
    if (typeof parsed.accessToken !== 'string') return null;
    const claims = decodeClaims(parsed.accessToken);
    if (!claims) return null;
    return { tokens: { accessToken: parsed.accessToken }, claims };
  } catch {
    return null;
  }
}

export function createSessionStore(storage: Storage = localStorage): SessionStore {
  const listeners = new Set<Listener>();
  let current = read(storage);
  const notify = () => listeners.forEach((l) => l());

  if (typeof window !== 'undefined') {
    window.addEventListener('storage', (event) => {
      if (event.key !== STORAGE_KEY) return;
      current = read(storage);
      notify();
    });
  }

  return {
    get: () => current,
    set(tokens) {
      const claims = decodeClaims(tokens.accessToken);
      if (!claims) {
        this.clear();
        return;
      }
      storage.setItem(STORAGE_KEY, JSON.stringify({ accessToken: tokens.accessToken }));
      current = { tokens, claims };
      notify();
    },
    clear() {
      storage.removeItem(STORAGE_KEY);
      if (current === null) return;
      current = null;
      notify();
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}

/** The app's one session. */
export const session = createSessionStore();

export function isAdmin(s: Session | null): boolean {
  return s?.claims.roles.includes('admin') ?? false;
}
