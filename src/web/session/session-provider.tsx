import { createContext, type ReactNode, useCallback, useContext, useEffect, useMemo, useState } from 'react';
import type { Capability, Role, SessionResponse, SessionUser } from '../../shared/schemas/identity';
import { api, onUnauthenticated, setCsrfToken, typedApi } from '../api/client';

export interface SessionValue {
  session: SessionResponse;
  user: SessionUser | null;
  /** What the signed-in person may do, as the server's policies decided it (never worked out from the role here). */
  can: (capability: Capability) => boolean;
  /** The roles the signed-in person may give someone they invite. */
  invitableRoles: readonly Role[];
  /** Replaces the session with a server answer (sign-in, accepted invitation). */
  setSession: (session: SessionResponse) => void;
  /** Updates the signed-in user after PATCH /api/me. */
  setUser: (user: SessionUser) => void;
  signOut: () => Promise<void>;
  refresh: () => Promise<void>;
}

const SessionContext = createContext<SessionValue | null>(null);

export function fetchSession(): Promise<SessionResponse> {
  return typedApi.get('GET /api/session');
}

export function SessionProvider(props: { initial: SessionResponse; children: ReactNode }) {
  const [session, setSessionState] = useState<SessionResponse>(props.initial);

  const setSession = useCallback((next: SessionResponse) => {
    setCsrfToken(next.csrfToken);
    setSessionState(next);
  }, []);

  const refresh = useCallback(async () => {
    setSession(await fetchSession());
  }, [setSession]);

  const signOut = useCallback(async () => {
    try {
      await api.delete('/api/session');
    } finally {
      await refresh().catch(() => setSession({ user: null, capabilities: null, csrfToken: null, demoAccounts: [] }));
    }
  }, [refresh, setSession]);

  const setUser = useCallback((user: SessionUser) => setSessionState((current) => ({ ...current, user })), []);

  useEffect(() => {
    setCsrfToken(props.initial.csrfToken);
    onUnauthenticated(() => {
      refresh().catch(() => undefined);
    });
    return () => onUnauthenticated(null);
  }, [props.initial.csrfToken, refresh]);

  const value = useMemo(() => {
    const capabilities = session.capabilities;
    const can = (capability: Capability) => capabilities?.can[capability] === true;
    const invitableRoles = capabilities?.invitableRoles ?? [];
    return { session, user: session.user, can, invitableRoles, setSession, setUser, signOut, refresh };
  }, [session, setSession, setUser, signOut, refresh]);
  return <SessionContext.Provider value={value}>{props.children}</SessionContext.Provider>;
}

export function useSession(): SessionValue {
  const value = useContext(SessionContext);
  if (!value) throw new Error('useSession() outside SessionProvider');
  return value;
}
