/// <reference types="node" />
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApi, toProblem, type FetchLike } from './api';
import { ApiException, type ClusterDtoPage } from './client';

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

    const result = await api.call((c) => c.clusters.listClusters(['chungbuk'], undefined, undefined, 'osong'));

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
    const result = await createApi({ baseUrl: BASE, fetch }).call((c) => c.clusters.listClusters(undefined, undefined, undefined, undefined, undefined, 0));
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
    expect(found.kind === 'ok' && found.value.nameKo).toBe('오송첨단의료복합단지');

    const missing = await api.call((c) => c.clusters.getClusterByCode('nope'));
    expect(missing.kind === 'problem' && missing.problem.status).toBe(404);
  });
});
