import { describe, expect, it } from 'vitest';
import { createApi, type FetchLike } from '../../api/api';
import type { MeDto } from '../../api/client';
import { en } from '../../i18n/en';
import { ko } from '../../i18n/ko';
import { format } from '../../i18n/language';
import { createSession, signInFailure } from './session';

const BASE = 'http://api.test';
const ME: MeDto = {
  actorType: 'user',
  id: 6,
  name: 'demo-viewer',
  displayName: 'Viewer',
  role: 'viewer',
  agency: null,
  permissions: ['registry:read'],
};

function json(status: number, body: unknown, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json', ...headers } });
}

/** A server with one session cookie, played by a flag. */
function fakeServer(signedIn: boolean) {
  const server = { signedIn, calls: [] as string[] };
  const fetch: FetchLike = async (input, init) => {
    const method = init?.method ?? 'GET';
    const path = new URL(String(input)).pathname;
    const token = new Headers(init?.headers).get('X-XSRF-TOKEN');
    server.calls.push(`${method} ${path}${token ? ` [${token}]` : ''}`);
    if (path === '/api/v1/auth/login') {
      const body = JSON.parse(String(init?.body));
      if (body.password !== 'right') return json(401, { title: 'Sign-in failed', status: 401 });
      server.signedIn = true;
      return json(200, ME);
    }
    if (!server.signedIn) return json(401, { title: 'Unauthorized', status: 401 });
    if (path === '/api/v1/auth/me') return json(200, ME);
    if (path === '/api/v1/auth/antiforgery') return json(200, { headerName: 'X-XSRF-TOKEN', token: 'tok' });
    if (path === '/api/v1/auth/logout') {
      server.signedIn = false;
      return new Response(null, { status: 204 });
    }
    return json(200, { items: [], nextCursor: null, totalCount: 0 });
  };
  return { server, api: createApi({ baseUrl: BASE, fetch }) };
}

describe('session', () => {
  it('on start with a session: /auth/me, then the antiforgery token', async () => {
    const { server, api } = fakeServer(true);
    const session = createSession(api);
    await session.start();
    expect(session.get()).toEqual({ status: 'signedIn', me: ME });
    expect(server.calls).toEqual(['GET /api/v1/auth/me', 'GET /api/v1/auth/antiforgery']);
  });

  it('on start without a session: signed out, nothing else asked', async () => {
    const { server, api } = fakeServer(false);
    const session = createSession(api);
    await session.start();
    expect(session.get()).toEqual({ status: 'signedOut', reason: 'start' });
    expect(server.calls).toEqual(['GET /api/v1/auth/me']);
  });

  it('a wrong password leaves the user signed out; the right one signs in and fetches the token', async () => {
    const { server, api } = fakeServer(false);
    const session = createSession(api);
    await session.start();

    const wrong = await session.signIn('demo-viewer', 'wrong');
    expect(wrong.kind === 'problem' && wrong.problem.status).toBe(401);
    expect(session.get()).toEqual({ status: 'signedOut', reason: 'start' });

    const right = await session.signIn('demo-viewer', 'right');
    expect(right.kind).toBe('ok');
    expect(session.get()).toEqual({ status: 'signedIn', me: ME });
    expect(server.calls.slice(-2)).toEqual(['POST /api/v1/auth/login', 'GET /api/v1/auth/antiforgery']);
  });

  it('a 401 while signed in ends the session here too, remembering it expired', async () => {
    const { server, api } = fakeServer(true);
    const session = createSession(api);
    await session.start();
    let notified = 0;
    session.subscribe(() => notified++);

    server.signedIn = false; // idle timeout, or signed out in another tab
    const result = await api.call((c) => c.clusters.listClusters());

    expect(result.kind === 'problem' && result.problem.status).toBe(401);
    expect(session.get()).toEqual({ status: 'signedOut', reason: 'expired' });
    expect(notified).toBe(1);
  });

  it('sign-out calls /auth/logout with the token, then forgets the token', async () => {
    const { server, api } = fakeServer(true);
    const session = createSession(api);
    await session.start();

    expect(await session.signOut()).toBeUndefined();
    expect(session.get()).toEqual({ status: 'signedOut', reason: 'signedOut' });
    expect(server.calls).toContain('POST /api/v1/auth/logout [tok]');

    await api.call((c) => c.auth.login({ username: 'demo-viewer', password: 'right' }));
    expect(server.calls.at(-1)).toBe('POST /api/v1/auth/login');
  });
});

describe('what a failed sign-in says', () => {
  const fmt = (template: string, values: Record<string, number>) => format(template, values);

  it('wrong credentials', () => {
    expect(signInFailure({ status: 401, title: 'Sign-in failed' }, ko, fmt)).toBe(ko.auth.wrongCredentials);
  });

  it('locked: minutes from Retry-After, rounded up', () => {
    expect(signInFailure({ status: 429, title: 'Account locked', retryAfterSeconds: 900 }, ko, fmt)).toBe(
      '로그인 시도가 너무 많아 잠겼습니다. 15분 후에 다시 시도해 주세요.',
    );
    expect(signInFailure({ status: 429, title: 'Too many requests', retryAfterSeconds: 61 }, en, fmt)).toBe(
      'Sign-in is locked after too many attempts. Try again in 2 min.',
    );
    expect(signInFailure({ status: 429, title: 'x', retryAfterSeconds: 5 }, en, fmt)).toContain('1 min');
    expect(signInFailure({ status: 429, title: 'x' }, en, fmt)).toBe(en.auth.lockedNoTime);
  });
});
