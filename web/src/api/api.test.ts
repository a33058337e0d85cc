// The wrapper's tests against a real local HTTP server: one file because they share that server and its fakes.
/// <reference types="node" />
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApi, credentialsFor, problemOf, retryAfterSeconds, toProblem, versioned, type FetchLike, type XhrLike } from './api';
import { ApiException, type ClusterDtoPage } from './client';
import { listClusters } from './operations';

const BASE = 'http://api.test';

function json(status: number, body: unknown, contentType = 'application/json'): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'Content-Type': contentType } });
}

function text(status: number, body: string, contentType = 'text/plain'): Response {
  return new Response(body, { status, headers: { 'Content-Type': contentType } });
}

/** A fake fetch that answers once and records what it was asked. */
function answering(response: Response | (() => Promise<Response>)) {
  const calls: { url: string; init?: RequestInit }[] = [];
  const fetch: FetchLike = async (input, init) => {
    calls.push({ url: String(input), init });
    return typeof response === 'function' ? response() : response;
  };
  return { fetch, calls };
}

const page: ClusterDtoPage = {
  items: [],
  nextCursor: null,
  totalCount: 0,
};

const notFoundBody = {
  type: 'https://tools.ietf.org/html/rfc9110#section-15.5.5',
  title: 'Not found',
  status: 404,
  detail: "Cluster 'nope' was not found.",
  instance: '/api/v1/clusters/by-code/nope',
  traceId: '00-abc-01',
};

describe('api wrapper: success', () => {
  it('passes the value through and calls the configured base URL', async () => {
    const { fetch, calls } = answering(json(200, { ...page, totalCount: 6 }));
    const api = createApi({ baseUrl: BASE, fetch });

    const result = await api.call((c) => listClusters(c.clusters, { region: ['chungbuk'], q: 'osong' }));

    expect(result).toEqual({ kind: 'ok', value: { ...page, totalCount: 6 } });
    expect(calls).toHaveLength(1);
    expect(calls[0].url).toBe(`${BASE}/api/v1/clusters?region=chungbuk&q=osong`);
  });

  it('attaches the caller signal to the request', async () => {
    const { fetch, calls } = answering(json(200, page));
    const controller = new AbortController();
    await createApi({ baseUrl: BASE, fetch }).call((c) => c.clusters.listClusters(), controller.signal);
    expect(calls[0].init?.signal).toBe(controller.signal);
  });

  it('asks for the messages in the language on screen, not the browser’s', async () => {
    let lang = 'en';
    const { fetch, calls } = answering(async () => json(200, page));
    const api = createApi({ baseUrl: BASE, fetch, language: () => lang });
    await api.call((c) => c.clusters.listClusters());
    lang = 'ko';
    await api.call((c) => c.clusters.listClusters());
    expect(calls.map((call) => new Headers(call.init?.headers).get('Accept-Language'))).toEqual(['en', 'ko']);
  });
});

describe('api wrapper: every failure becomes one Problem', () => {
  it('documented status (404): the parsed problem object NSwag throws', async () => {
    const { fetch } = answering(json(404, notFoundBody, 'application/problem+json'));
    const result = await createApi({ baseUrl: BASE, fetch }).call((c) => c.clusters.getClusterByCode('nope'));
    expect(result).toEqual({
      kind: 'problem',
      problem: { status: 404, title: 'Not found', detail: "Cluster 'nope' was not found.", traceId: '00-abc-01' },
    });
  });

  it('documented status (400): field errors are kept', async () => {
    const body = {
      title: 'Validation failed',
      status: 400,
      detail: 'One or more fields are invalid.',
      errors: { limit: ['The limit must be between 1 and 200.'], region: ['Unknown value.', 'Another.'] },
      traceId: 't-400',
    };
    const { fetch } = answering(json(400, body, 'application/problem+json'));
    const result = await createApi({ baseUrl: BASE, fetch }).call((c) => listClusters(c.clusters, { limit: 0 }));
    expect(result.kind).toBe('problem');
    if (result.kind !== 'problem') return;
    expect(result.problem).toEqual({
      status: 400,
      title: 'Validation failed',
      detail: 'One or more fields are invalid.',
      errors: { limit: ['The limit must be between 1 and 200.'], region: ['Unknown value.', 'Another.'] },
      traceId: 't-400',
    });
  });

  it('undocumented status with problem+json: ApiException, body parsed once, here', async () => {
    const body = { title: 'Internal error', status: 500, detail: 'The database is unreachable.', traceId: 't-500' };
    const { fetch } = answering(json(500, body, 'application/problem+json'));
    const result = await createApi({ baseUrl: BASE, fetch }).call((c) => c.clusters.listClusters());
    expect(result).toEqual({
      kind: 'problem',
      problem: { status: 500, title: 'Internal error', detail: 'The database is unreachable.', traceId: 't-500' },
    });
  });

  it('undocumented status with plain text: ApiException, text as detail', async () => {
    const { fetch } = answering(text(503, 'Service Unavailable: maintenance until 18:00'));
    const result = await createApi({ baseUrl: BASE, fetch }).call((c) => c.clusters.listClusters());
    expect(result).toEqual({
      kind: 'problem',
      problem: { status: 503, title: 'HTTP 503', detail: 'Service Unavailable: maintenance until 18:00' },
    });
  });

  it('undocumented status with an HTML page (a proxy): status only, no markup shown', async () => {
    const { fetch } = answering(text(502, '<html><body>Bad Gateway</body></html>', 'text/html'));
    const result = await createApi({ baseUrl: BASE, fetch }).call((c) => c.agencies.listAgencies());
    expect(result).toEqual({ kind: 'problem', problem: { status: 502, title: 'HTTP 502' } });
  });

  it('documented status with an empty body: ApiException without a result', async () => {
    const { fetch } = answering(new Response(null, { status: 404 }));
    const result = await createApi({ baseUrl: BASE, fetch }).call((c) => c.agencies.getAgencyByCode('x'));
    expect(result).toEqual({ kind: 'problem', problem: { status: 404, title: 'HTTP 404' } });
  });

  it('documented status with a body that is not JSON: the status still comes through', async () => {
    const { fetch } = answering(text(404, 'Not Found'));
    const result = await createApi({ baseUrl: BASE, fetch }).call((c) => c.clusters.getClusterByCode('x'));
    expect(result.kind).toBe('problem');
    if (result.kind !== 'problem') return;
    expect(result.problem.status).toBe(404);
    expect(result.problem.title).toBe('Unreadable response');
  });

  it('network failure (fetch rejects with TypeError): status 0', async () => {
    const fetch: FetchLike = async () => {
      throw new TypeError('Failed to fetch');
    };
    const result = await createApi({ baseUrl: BASE, fetch }).call((c) => c.clusters.listClusters());
    expect(result).toEqual({ kind: 'problem', problem: { status: 0, title: 'Network error', detail: 'Failed to fetch' } });
  });

  it('real network failure (nothing listening): status 0', async () => {
    const result = await createApi({ baseUrl: 'http://127.0.0.1:9' }).call((c) => c.health.live());
    expect(result.kind).toBe('problem');
    if (result.kind !== 'problem') return;
    expect(result.problem.status).toBe(0);
    expect(result.problem.title).toBe('Network error');
  });

  it('anything else thrown (a bug, a bad argument, a non-Error value): status 0, never a crash', async () => {
    const api = createApi({ baseUrl: BASE, fetch: answering(json(200, page)).fetch });

    const bug = await api.call(async () => {
      throw new Error('boom');
    });
    expect(bug).toEqual({ kind: 'problem', problem: { status: 0, title: 'Unexpected error', detail: 'boom' } });

    // The generated client throws synchronously for a null parameter.
    const badArgument = await api.call((c) => c.clusters.getClusterByCode(null as unknown as string));
    expect(badArgument.kind).toBe('problem');

    const odd = await api.call(async () => {
      throw 'a string';
    });
    expect(odd).toEqual({ kind: 'problem', problem: { status: 0, title: 'Unexpected error', detail: 'a string' } });
  });

  it('toProblem accepts an ApiException built elsewhere', () => {
    const error = new ApiException('x', 409, JSON.stringify({ title: 'Conflict', status: 409, detail: 'Code taken.' }), {}, null);
    expect(toProblem(error)).toEqual({ status: 409, title: 'Conflict', detail: 'Code taken.' });
  });

  it('a problem body without a title still gets one, and junk field errors are dropped', () => {
    expect(toProblem({ status: 422, errors: { a: 'one', b: [1, 'two'], c: null } })).toEqual({
      status: 422,
      title: 'HTTP 422',
      errors: { a: ['one'], b: ['two'] },
    });
  });
});

describe('api wrapper: aborts are not errors', () => {
  it('a request aborted in flight resolves as aborted', async () => {
    const fetch: FetchLike = (_input, init) =>
      new Promise((_resolve, reject) => {
        init?.signal?.addEventListener('abort', () => reject(new DOMException('The operation was aborted.', 'AbortError')));
      });
    const controller = new AbortController();
    const pending = createApi({ baseUrl: BASE, fetch }).call((c) => c.clusters.listClusters(), controller.signal);
    controller.abort();
    expect(await pending).toEqual({ kind: 'aborted' });
  });

  it('a signal aborted before the call resolves as aborted (real fetch)', async () => {
    const controller = new AbortController();
    controller.abort();
    const result = await createApi({ baseUrl: 'http://127.0.0.1:9' }).call((c) => c.health.live(), controller.signal);
    expect(result).toEqual({ kind: 'aborted' });
  });
});

describe('api wrapper against a real HTTP server', () => {
  let server: Server;
  let baseUrl: string;

  beforeAll(async () => {
    server = createServer((request, response) => {
      if (request.url?.startsWith('/api/v1/clusters/by-code/osong')) {
        response.writeHead(200, { 'Content-Type': 'application/json' });
        response.end(JSON.stringify({ code: 'osong', nameKo: '오송첨단의료복합단지' }));
        return;
      }
      response.writeHead(404, { 'Content-Type': 'application/problem+json' });
      response.end(JSON.stringify(notFoundBody));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });

  afterAll(async () => {
    await new Promise((resolve) => server.close(resolve));
  });

  it('reads a record and a 404 problem through the real fetch', async () => {
    const api = createApi({ baseUrl });
    const found = await api.call((c) => c.clusters.getClusterByCode('osong'));
    expect(found.kind === 'ok' && found.value.result.nameKo).toBe('오송첨단의료복합단지');

    const missing = await api.call((c) => c.clusters.getClusterByCode('nope'));
    expect(missing.kind === 'problem' && missing.problem.status).toBe(404);
  });
});

/** A fake API that answers by method and path, and records every request with its headers. */
function fakeApi(answer: (method: string, path: string, headers: Headers) => Response) {
  const calls: { method: string; path: string; headers: Headers; credentials?: RequestCredentials }[] = [];
  const fetch: FetchLike = async (input, init) => {
    const method = (init?.method ?? 'GET').toUpperCase();
    const path = new URL(String(input)).pathname;
    const headers = new Headers(init?.headers);
    calls.push({ method, path, headers, credentials: init?.credentials });
    return answer(method, path, headers);
  };
  return { fetch, calls };
}

const TOKEN = { headerName: 'X-XSRF-TOKEN', token: 'token-1' };
const problemJson = (status: number, title: string) => json(status, { title, status }, 'application/problem+json');

describe('api wrapper: cookie session and antiforgery', () => {
  it('sends the antiforgery header on every change, never on a read', async () => {
    const { fetch, calls } = fakeApi((method, path) => {
      if (path === '/api/v1/auth/antiforgery') return json(200, TOKEN);
      if (method === 'GET') return json(200, page);
      return new Response(null, { status: 204 });
    });
    const api = createApi({ baseUrl: BASE, fetch });
    expect(await api.refreshAntiforgery()).toEqual({ kind: 'ok', value: undefined });

    await api.call((c) => c.clusters.listClusters());
    await api.call((c) => c.auth.logout());
    await api.call((c) => c.auth.changePassword({ currentPassword: 'a', newPassword: 'b' }));
    await api.call((c) => c.apiKeys.revokeApiKey(3, '"2"'));

    const get = calls.find((c) => c.path === '/api/v1/clusters')!;
    expect(get.headers.has('X-XSRF-TOKEN')).toBe(false);
    for (const change of calls.filter((c) => c.method !== 'GET')) {
      expect(change.headers.get('X-XSRF-TOKEN'), `${change.method} ${change.path}`).toBe('token-1');
    }
    expect(calls.filter((c) => c.method !== 'GET').map((c) => c.method)).toEqual(['POST', 'POST', 'DELETE']);
    // The If-Match the caller gave is kept next to the token.
    expect(calls.find((c) => c.method === 'DELETE')!.headers.get('If-Match')).toBe('"2"');
  });

  it('sends no token before one was fetched, and none after it was cleared', async () => {
    const { fetch, calls } = fakeApi((_method, path) =>
      path === '/api/v1/auth/antiforgery' ? json(200, TOKEN) : json(200, { actorType: 'user' }),
    );
    const api = createApi({ baseUrl: BASE, fetch });
    await api.call((c) => c.auth.login({ username: 'u', password: 'p' }));
    await api.refreshAntiforgery();
    api.clearAntiforgery();
    await api.call((c) => c.auth.login({ username: 'u', password: 'p' }));
    const logins = calls.filter((c) => c.path === '/api/v1/auth/login');
    expect(logins.map((c) => c.headers.has('X-XSRF-TOKEN'))).toEqual([false, false]);
  });

  it('a change refused for a missing or stale token fetches a fresh one and is sent once more', async () => {
    let issued = 0;
    const { fetch, calls } = fakeApi((method, path, headers) => {
      if (path === '/api/v1/auth/antiforgery') return json(200, { ...TOKEN, token: `token-${++issued}` });
      if (method === 'POST' && headers.get('X-XSRF-TOKEN') !== 'token-2') {
        return problemJson(403, 'Antiforgery token missing or invalid');
      }
      return new Response(null, { status: 204 });
    });
    const api = createApi({ baseUrl: BASE, fetch });
    await api.refreshAntiforgery(); // token-1, which the server no longer accepts

    const result = await api.call((c) => c.auth.logout());

    expect(result).toEqual({ kind: 'ok', value: undefined });
    expect(calls.map((c) => `${c.method} ${c.path} ${c.headers.get('X-XSRF-TOKEN') ?? '-'}`)).toEqual([
      'GET /api/v1/auth/antiforgery -',
      'POST /api/v1/auth/logout token-1',
      'GET /api/v1/auth/antiforgery -',
      'POST /api/v1/auth/logout token-2',
    ]);
  });

  it('a 403 that is about permissions is a Problem, not retried', async () => {
    const { fetch, calls } = fakeApi((_method, path) =>
      path === '/api/v1/auth/antiforgery' ? json(200, TOKEN) : problemJson(403, 'Forbidden'),
    );
    const api = createApi({ baseUrl: BASE, fetch });
    await api.refreshAntiforgery();
    const result = await api.call((c) => c.apiKeys.revokeApiKey(1, '"1"'));
    expect(result).toEqual({ kind: 'problem', problem: { status: 403, title: 'Forbidden' } });
    expect(calls.filter((c) => c.method === 'DELETE')).toHaveLength(1);
  });

  it('sends cookies: same-origin for the dashboard’s own API, include for another origin', async () => {
    const other = fakeApi(() => json(200, page));
    await createApi({ baseUrl: BASE, fetch: other.fetch, pageOrigin: 'https://dashboard.test' }).call((c) => c.clusters.listClusters());
    const sameHost = fakeApi(() => json(200, page));
    await createApi({ baseUrl: 'https://dashboard.test', fetch: sameHost.fetch, pageOrigin: 'https://dashboard.test' }).call((c) =>
      c.clusters.listClusters(),
    );
    expect(other.calls[0].credentials).toBe('include');
    expect(sameHost.calls[0].credentials).toBe('same-origin');
    expect(credentialsFor('', 'https://dashboard.test')).toBe('same-origin');
    expect(credentialsFor('https://api.test', undefined)).toBe('include');
  });
});

describe('api wrapper: 401 and 429', () => {
  it('a 401 anywhere tells the session listeners; a failed sign-in does not', async () => {
    const { fetch } = fakeApi(() => problemJson(401, 'Unauthorized'));
    const api = createApi({ baseUrl: BASE, fetch });
    let told = 0;
    const stop = api.onUnauthorized(() => told++);

    const list = await api.call((c) => c.clusters.listClusters());
    expect(list.kind === 'problem' && list.problem.status).toBe(401);
    expect(told).toBe(1);

    const login = await api.call((c) => c.auth.login({ username: 'u', password: 'wrong' }));
    expect(login.kind === 'problem' && login.problem.status).toBe(401);
    expect(told).toBe(1);

    stop();
    await api.call((c) => c.users.listUsers());
    expect(told).toBe(1);
  });

  it('a 429 carries Retry-After in seconds', async () => {
    const { fetch } = fakeApi(
      () =>
        new Response(JSON.stringify({ title: 'Account locked', status: 429 }), {
          status: 429,
          headers: { 'Content-Type': 'application/problem+json', 'Retry-After': '900' },
        }),
    );
    const result = await createApi({ baseUrl: BASE, fetch }).call((c) => c.auth.login({ username: 'u', password: 'p' }));
    expect(result).toEqual({ kind: 'problem', problem: { status: 429, title: 'Account locked', retryAfterSeconds: 900 } });
  });

  it('reads Retry-After as seconds or as an HTTP date', () => {
    const now = Date.parse('2026-11-25T00:00:00Z');
    expect(retryAfterSeconds('120', now)).toBe(120);
    expect(retryAfterSeconds('Wed, 25 Nov 2026 00:05:00 GMT', now)).toBe(300);
    expect(retryAfterSeconds('Wed, 25 Nov 2026 00:00:00 GMT', now + 5000)).toBe(0);
    expect(retryAfterSeconds('soon', now)).toBeUndefined();
    expect(retryAfterSeconds(null, now)).toBeUndefined();
  });
});

describe('api wrapper: ETags of wrapped responses', () => {
  it('versioned() returns the record with the ETag of the version read', async () => {
    const { fetch } = fakeApi(
      () => new Response(JSON.stringify({ id: 3, code: 'osong' }), { status: 200, headers: { 'Content-Type': 'application/json', ETag: '"7"' } }),
    );
    const result = await createApi({ baseUrl: BASE, fetch }).call(async (c) => versioned(await c.clusters.getClusterByCode('osong')));
    expect(result.kind === 'ok' && result.value.etag).toBe('"7"');
    expect(result.kind === 'ok' && result.value.value.code).toBe('osong');
  });

  it('no ETag: a Problem instead of a change that would be refused', async () => {
    const { fetch } = fakeApi(() => json(200, { id: 3 }));
    const result = await createApi({ baseUrl: BASE, fetch }).call(async (c) => versioned(await c.users.getUser(3)));
    expect(result.kind).toBe('problem');
  });
});

/** A fake XMLHttpRequest: records what was sent, reports progress, then answers as `respond` says. */
class FakeXhr implements XhrLike {
  static sent: FakeXhr[] = [];
  method = '';
  url = '';
  headers: Record<string, string> = {};
  withCredentials = false;
  body: Blob | undefined;
  status = 0;
  responseText = '';
  readonly upload: XhrLike['upload'] = { onprogress: null };
  onload: XhrLike['onload'] = null;
  onerror: XhrLike['onerror'] = null;
  onabort: XhrLike['onabort'] = null;
  constructor(private readonly respond: (xhr: FakeXhr) => { status: number; body: unknown } | 'network' | 'hang') {}
  open(method: string, url: string) {
    this.method = method;
    this.url = url;
  }
  setRequestHeader(name: string, value: string) {
    this.headers[name] = value;
  }
  getResponseHeader(name: string) {
    return name.toLowerCase() === 'content-type' ? 'application/json' : null;
  }
  send(body: Blob) {
    this.body = body;
    FakeXhr.sent.push(this);
    const event = (loaded: number) => ({ loaded, total: body.size, lengthComputable: true }) as ProgressEvent;
    queueMicrotask(() => {
      const answer = this.respond(this);
      if (answer === 'hang') return;
      this.upload.onprogress?.(event(Math.floor(body.size / 2)));
      this.upload.onprogress?.(event(body.size));
      if (answer === 'network') {
        this.onerror?.({} as ProgressEvent);
        return;
      }
      this.status = answer.status;
      this.responseText = typeof answer.body === 'string' ? answer.body : JSON.stringify(answer.body);
      this.onload?.({} as ProgressEvent);
    });
  }
  abort() {
    this.onabort?.({} as ProgressEvent);
  }
}

describe('api wrapper: uploads (XMLHttpRequest, for progress)', () => {
  const file = new Blob(['코드,국문명\nx,y\n'], { type: 'text/csv' });
  const tokenFetch = () => fakeApi((_method, path) => (path === '/api/v1/auth/antiforgery' ? json(200, TOKEN) : json(404, {}))).fetch;

  it('sends the body with its headers, the antiforgery token and progress; any answer comes back as it is', async () => {
    FakeXhr.sent = [];
    const api = createApi({ baseUrl: BASE, fetch: tokenFetch(), xhr: () => new FakeXhr(() => ({ status: 422, body: { title: 'Rows rejected', report: {} } })) });
    await api.refreshAntiforgery();
    const progress: number[] = [];

    const result = await api.upload({
      path: '/api/v1/imports/clusters?fileName=a.csv',
      body: file,
      headers: { 'Content-Type': 'text/csv', 'Idempotency-Key': 'k-1' },
      onProgress: (p) => progress.push(p.loaded / p.total),
    });

    expect(result.kind).toBe('ok');
    expect(result.kind === 'ok' && result.value.status).toBe(422);
    expect(result.kind === 'ok' && JSON.parse(result.value.text).title).toBe('Rows rejected');
    const [xhr] = FakeXhr.sent;
    expect(xhr.method).toBe('POST');
    expect(xhr.url).toBe(`${BASE}/api/v1/imports/clusters?fileName=a.csv`);
    expect(xhr.body).toBe(file);
    expect(xhr.headers).toMatchObject({ 'Content-Type': 'text/csv', 'Idempotency-Key': 'k-1', 'X-XSRF-TOKEN': 'token-1' });
    expect(progress).toEqual([expect.closeTo(0.5, 1), 1]);
  });

  it('sends the cookie like fetch does: withCredentials only for another origin', async () => {
    FakeXhr.sent = [];
    const ok = () => new FakeXhr(() => ({ status: 200, body: {} }));
    await createApi({ baseUrl: BASE, fetch: tokenFetch(), pageOrigin: 'https://dashboard.test', xhr: ok }).upload({ path: '/x', body: file });
    await createApi({ baseUrl: '', fetch: tokenFetch(), pageOrigin: 'https://dashboard.test', xhr: ok }).upload({ path: '/x', body: file });
    expect(FakeXhr.sent.map((x) => x.withCredentials)).toEqual([true, false]);
  });

  it('a stale token: fetches a fresh one and sends the file once more', async () => {
    FakeXhr.sent = [];
    let issued = 0;
    const { fetch } = fakeApi((_method, path) => (path === '/api/v1/auth/antiforgery' ? json(200, { ...TOKEN, token: `token-${++issued}` }) : json(404, {})));
    const api = createApi({
      baseUrl: BASE,
      fetch,
      xhr: () =>
        new FakeXhr((x) =>
          x.headers['X-XSRF-TOKEN'] === 'token-2' ? { status: 200, body: { id: 1 } } : { status: 403, body: { title: 'Antiforgery token missing or invalid', status: 403 } },
        ),
    });
    await api.refreshAntiforgery();
    const result = await api.upload({ path: '/api/v1/imports/clusters', body: file });
    expect(result.kind === 'ok' && result.value.status).toBe(200);
    expect(FakeXhr.sent.map((x) => x.headers['X-XSRF-TOKEN'])).toEqual(['token-1', 'token-2']);
  });

  it('a 401 tells the session; no answer is a status-0 problem; an abort is not an error', async () => {
    let told = 0;
    const unauthorized = createApi({ baseUrl: BASE, fetch: tokenFetch(), xhr: () => new FakeXhr(() => ({ status: 401, body: { title: 'Unauthorized' } })) });
    unauthorized.onUnauthorized(() => told++);
    await unauthorized.upload({ path: '/x', body: file });
    expect(told).toBe(1);

    const down = await createApi({ baseUrl: BASE, fetch: tokenFetch(), xhr: () => new FakeXhr(() => 'network') }).upload({ path: '/x', body: file });
    expect(down.kind === 'problem' && down.problem.status).toBe(0);

    const controller = new AbortController();
    const pending = createApi({ baseUrl: BASE, fetch: tokenFetch(), xhr: () => new FakeXhr(() => 'hang') }).upload({ path: '/x', body: file }, controller.signal);
    controller.abort();
    expect(await pending).toEqual({ kind: 'aborted' });
  });

  it('problemOf reads a failed answer as the generated client’s failures are read', () => {
    expect(problemOf({ status: 413, text: JSON.stringify({ title: 'File too large', status: 413, detail: 'Split it.' }) })).toEqual({
      status: 413,
      title: 'File too large',
      detail: 'Split it.',
    });
    expect(problemOf({ status: 502, text: 'Bad gateway' })).toEqual({ status: 502, title: 'HTTP 502', detail: 'Bad gateway' });
  });
});
