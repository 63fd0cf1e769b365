/** Who is signed in: read once from GET /api/me, changed by signing in and out, cleared when the server says 401. */
import { createContext, useCallback, useContext, useEffect, useMemo, useState } from 'react';
import type { ReactNode } from 'react';
import { login, logout, me } from './api/auth.ts';
import type { User } from './api/auth.ts';
import { setUnauthenticatedHandler } from './api/http.ts';

interface SessionState {
  /** undefined while the first GET /api/me is in flight; null for the public. */
  user: User | null | undefined;
  signIn: (username: string, password: string) => Promise<User>;
  signOut: () => Promise<void>;
}

const SessionContext = createContext<SessionState | null>(null);

export function SessionProvider({ children }: { children: ReactNode }) {
  const [user, setUser] = useState<User | null | undefined>(undefined);

  useEffect(() => {
    let live = true;
    me(undefined)
      .then(({ user: current }) => {
        if (live) setUser(current);
      })
      .catch(() => {
        // 401 is the public; any other failure also leaves the person at the sign-in page rather than stuck
        if (live) setUser(null);
      });
    setUnauthenticatedHandler(() => {
      setUser(null);
    });
    return () => {
      live = false;
      setUnauthenticatedHandler(null);
    };
  }, []);

  const signIn = useCallback(async (username: string, password: string) => {
    const { user: signedIn } = await login(undefined, { username, password });
    setUser(signedIn);
    return signedIn;
  }, []);

  const signOut = useCallback(async () => {
    try {
      await logout(undefined, undefined);
    } finally {
      setUser(null);
    }
  }, []);

  const value = useMemo(() => ({ user, signIn, signOut }), [user, signIn, signOut]);
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

/** The session; only inside SessionProvider. */
export function useSession(): SessionState {
  const state = useContext(SessionContext);
  if (state === null) throw new Error('useSession outside SessionProvider');
  return state;
}

/** The signed-in user on a page behind sign-in (the router guarantees one). */
export function useUser(): User {
  const { user } = useSession();
  if (user === null || user === undefined) throw new Error('useUser on a page without a signed-in user');
  return user;
}
