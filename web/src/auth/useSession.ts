import { useSyncExternalStore } from 'react';
import { isAdmin, session, type Session } from './session';

export interface SessionView {
  session: Session | null;
  signedIn: boolean;
  userId: string | null;
  isAdmin: boolean;
}

/** The current session, re-rendering on sign-in, refresh and sign-out. */
export function useSession(): SessionView {
  const current = useSyncExternalStore(session.subscribe, session.get, session.get);
  return {
    session: current,
    signedIn: current !== null,
    userId: current?.claims.sub ?? null,
    isAdmin: isAdmin(current),
  };
}
