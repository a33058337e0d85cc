// Who is signed in, for the whole app. The session itself is the API's HttpOnly cookie; this only
// mirrors what /auth/me says, and keeps the antiforgery token fresh for that user.
import { useSyncExternalStore } from 'react';
import { api, type Api, type ApiResult, type Problem } from '../../api/api';
import type { MeDto } from '../../api/client';
import type { Dictionary } from '../../i18n/ko';

export type SessionState =
  | { status: 'loading' }
  /**
   * `reason`: `start` (no session when the page loaded), `expired` (a 401 while signed in: come
   * back here after signing in) or `signedOut` (the user chose to leave: start afresh).
   */
  | { status: 'signedOut'; reason: 'start' | 'expired' | 'signedOut' }
  | { status: 'signedIn'; me: MeDto }
  /** /auth/me failed for another reason than 401 (network, server): nothing can be shown. */
  | { status: 'error'; problem: Problem };

export interface Session {
  get(): SessionState;
  subscribe(listener: () => void): () => void;
  /** On page load: is there a session already? */
  start(): Promise<void>;
  signIn(username: string, password: string): Promise<ApiResult<MeDto>>;
  /** Ends the session on the server; returns a problem when that failed (the user stays signed in). */
  signOut(): Promise<Problem | undefined>;
}

export function createSession(client: Api): Session {
  let state: SessionState = { status: 'loading' };
  const listeners = new Set<() => void>();
  const set = (next: SessionState) => {
    state = next;
    listeners.forEach((listener) => listener());
  };

  // Any 401 after sign-in means the session ended (idle timeout, signed out elsewhere, disabled).
  client.onUnauthorized(() => {
    if (state.status === 'signedIn') {
      client.clearAntiforgery();
      set({ status: 'signedOut', reason: 'expired' });
    }
  });

  async function signedIn(me: MeDto): Promise<void> {
    // The token belongs to this user. If fetching it fails, the wrapper fetches it on the first change.
    client.clearAntiforgery();
    await client.refreshAntiforgery();
    set({ status: 'signedIn', me });
  }

  return {
    get: () => state,
    subscribe(listener) {
      listeners.add(listener);
      return () => {
        listeners.delete(listener);
      };
    },
    async start() {
      set({ status: 'loading' });
      const result = await client.call((c) => c.auth.me());
      if (result.kind === 'ok') await signedIn(result.value);
      else if (result.kind === 'problem' && result.problem.status === 401) set({ status: 'signedOut', reason: 'start' });
      else if (result.kind === 'problem') set({ status: 'error', problem: result.problem });
    },
    async signIn(username, password) {
      const result = await client.call((c) => c.auth.login({ username, password }));
      if (result.kind === 'ok') await signedIn(result.value);
      return result;
    },
    async signOut() {
      const result = await client.call((c) => c.auth.logout());
      // 401: the session had already ended, which is what the user wanted.
      if (result.kind === 'problem' && result.problem.status !== 401) return result.problem;
      client.clearAntiforgery();
      set({ status: 'signedOut', reason: 'signedOut' });
      return undefined;
    },
  };
}

export const session: Session = createSession(api);

export function useSession(): SessionState {
  return useSyncExternalStore(session.subscribe, session.get);
}

/** The signed-in user; only for components rendered inside the signed-in shell. */
export function useMe(): MeDto {
  const state = useSession();
  if (state.status !== 'signedIn') throw new Error('useMe outside the signed-in shell');
  return state.me;
}

/** What a failed sign-in says: wrong credentials, or locked (too many failures, or attempts from one address). */
export function signInFailure(
  problem: Problem,
  t: Dictionary,
  fmt: (template: string, values: Record<string, number>) => string,
): string {
  if (problem.status !== 429) return t.auth.wrongCredentials;
  if (problem.retryAfterSeconds === undefined) return t.auth.lockedNoTime;
  return fmt(t.auth.locked, { minutes: Math.max(1, Math.ceil(problem.retryAfterSeconds / 60)) });
}
