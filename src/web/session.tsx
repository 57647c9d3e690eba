import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import type { Session } from '../domain/user.ts';
import type { AccessibleOrganization } from '../domain/organization.ts';
import { api, ApiError, setCsrfToken, setUnauthorizedHandler } from './api.ts';

export type SessionState = { status: 'loading' } | { status: 'anonymous' } | { status: 'ready'; session: Session };

interface SessionContextValue {
  readonly state: SessionState;
  /** Slug of the organization the user works in now (from the URL, or the last one visited). */
  readonly currentSlug: string | null;
  setCurrentSlug(slug: string | null): void;
  setSession(session: Session | null): void;
  refresh(): Promise<void>;
  logout(): Promise<void>;
}

const REMEMBERED_SLUG = 'veikart.organization';

function readRememberedSlug(): string | null {
  try {
    return sessionStorage.getItem(REMEMBERED_SLUG);
  } catch {
    return null;
  }
}

const SessionContext = createContext<SessionContextValue | null>(null);

export function SessionProvider({ children }: { children: ReactNode }) {
  const [state, setState] = useState<SessionState>({ status: 'loading' });
  const [currentSlug, setCurrentSlugState] = useState<string | null>(readRememberedSlug);
  const setCurrentSlug = useCallback((slug: string | null) => {
    setCurrentSlugState(slug);
    try {
      if (slug) sessionStorage.setItem(REMEMBERED_SLUG, slug);
      else sessionStorage.removeItem(REMEMBERED_SLUG);
    } catch {
      // Storage may be disabled; remembering the organization is only a convenience.
    }
  }, []);

  const setSession = useCallback((session: Session | null) => {
    setCsrfToken(session?.csrfToken ?? null);
    setState(session ? { status: 'ready', session } : { status: 'anonymous' });
  }, []);

  const refresh = useCallback(async () => {
    try {
      const session = await api.get<Session>('/api/v1/session', { allowUnauthorized: true });
      setSession(session);
    } catch (error) {
      if (error instanceof ApiError && error.status === 401) setSession(null);
      else throw error;
    }
  }, [setSession]);

  const logout = useCallback(async () => {
    try {
      // A session from an identity provider that offers RP-initiated logout: end it there too.
      const ended = await api.post<{ endSessionUrl?: string } | undefined>('/api/v1/auth/logout', {}, { allowUnauthorized: true });
      if (ended?.endSessionUrl) window.location.assign(ended.endSessionUrl);
    } finally {
      setSession(null);
    }
  }, [setSession]);

  useEffect(() => {
    setUnauthorizedHandler(() => setSession(null));
    refresh().catch(() => setSession(null));
    return () => setUnauthorizedHandler(null);
  }, [refresh, setSession]);

  const value = useMemo<SessionContextValue>(
    () => ({ state, currentSlug, setCurrentSlug, setSession, refresh, logout }),
    [state, currentSlug, setCurrentSlug, setSession, refresh, logout],
  );
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSessionContext(): SessionContextValue {
  const value = useContext(SessionContext);
  if (!value) throw new Error('useSessionContext outside SessionProvider');
  return value;
}

/** The session; only for components rendered behind RequireSession. */
export function useSession(): Session {
  const { state } = useSessionContext();
  if (state.status !== 'ready') throw new Error('useSession without a session');
  return state.session;
}

/** The organization the user currently works in: from the URL, else the last visited, else the first. */
export function useCurrentOrganization(): AccessibleOrganization | undefined {
  const { state, currentSlug } = useSessionContext();
  if (state.status !== 'ready') return undefined;
  const orgs = state.session.organizations;
  return orgs.find((o) => o.slug === currentSlug) ?? orgs[0];
}

const OrganizationContext = createContext<AccessibleOrganization | null>(null);

export const OrganizationProvider = OrganizationContext.Provider;

/** The organization of the current `/o/:slug` page. */
export function useOrganization(): AccessibleOrganization {
  const org = useContext(OrganizationContext);
  if (!org) throw new Error('useOrganization outside an organization page');
  return org;
}
