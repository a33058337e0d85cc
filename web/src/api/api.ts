// The one door between the views and the generated client (client.ts, never edited by hand).
// Every failure leaves here as a Problem, so no view ever reads an error body itself. It also owns
// what every request needs for the cookie session: credentials and the antiforgery header.
// Longer than 400 lines on purpose: calls, uploads (XMLHttpRequest for progress), the antiforgery token and the
// problem reading are one door, and splitting them would let a view reach the client around it.
import { resolveApiBaseUrl } from '../config';
import {
  SearchClient,
  AgenciesClient,
  ApiException,
  ApiKeysClient,
  AuditClient,
  AuthClient,
  CalendarFeedsClient,
  ClustersClient,
  DocumentsClient,
  HealthClient,
  HomeClient,
  ImportsClient,
  CouncilClient,
  MeetingsClient,
  MinutesClient,
  FollowUpsClient,
  HolidaysClient,
  RegulatoryIssuesClient,
  UsersClient,
} from './client';

/** Everything a view needs to show a failure. `status` is 0 when no usable HTTP answer arrived. */
export interface Problem {
  status: number;
  title: string;
  detail?: string;
  errors?: Record<string, string[]>;
  traceId?: string;
  /** From Retry-After on a 429 (or 503): how long to wait, in seconds. */
  retryAfterSeconds?: number;
}

export interface Clients {
  clusters: ClustersClient;
  agencies: AgenciesClient;
  health: HealthClient;
  auth: AuthClient;
  users: UsersClient;
  apiKeys: ApiKeysClient;
  audit: AuditClient;
  issues: RegulatoryIssuesClient;
  imports: ImportsClient;
  documents: DocumentsClient;
  council: CouncilClient;
  calendarFeeds: CalendarFeedsClient;
  meetings: MeetingsClient;
  minutes: MinutesClient;
  followUps: FollowUpsClient;
  search: SearchClient;
  /**
   * A client of a feature whose pages load lazily, made on the same exchange (cookie, antiforgery, the failure's
   * status), so its generated class lands in that feature's chunk instead of the first screen's.
   */
  make<C>(client: new (baseUrl: string, http: { fetch(url: RequestInfo, init?: RequestInit): Promise<Response> }) => C): C;
  holidays: HolidaysClient;
  home: HomeClient;
}

/** The outcome of one call. An aborted call is neither a value nor a problem: views ignore it. */
export type ApiResult<T> =
  | { kind: 'ok'; value: T }
  | { kind: 'problem'; problem: Problem }
  | { kind: 'aborted' };

export type FetchLike = (input: RequestInfo, init?: RequestInit) => Promise<Response>;

export interface ApiOptions {
  /** Defaults to public/config.js, then VITE_API_BASE_URL, then same origin. */
  baseUrl?: string;
  /** Defaults to the browser's fetch; tests pass a fake. */
  fetch?: FetchLike;
  /** Defaults to the browser's XMLHttpRequest (uploads only); tests pass a fake. */
  xhr?: () => XhrLike;
  /** The dashboard's own origin, to decide whether cookies need `credentials: 'include'`. */
  pageOrigin?: string;
  /**
   * The language the reader reads (ko or en), sent as Accept-Language so the API's messages match the screen, not
   * the browser's settings. Defaults to the page's `<html lang>`, which the language store keeps.
   */
  language?: () => string | undefined;
}

export interface Api {
  readonly baseUrl: string;
  /**
   * Runs one operation against the generated clients. The signal is attached to every request the
   * operation makes, so callers do not thread it through the client's parameters.
   */
  call<T>(operation: (clients: Clients) => Promise<T>, signal?: AbortSignal): Promise<ApiResult<T>>;
  /**
   * Sends a file as the request body with XMLHttpRequest, because fetch cannot report upload
   * progress. Same cookie, antiforgery header, stale-token retry and 401 handling as `call`. Any
   * HTTP answer is `ok` with its status and text (an import's 422 carries a report the view shows);
   * `problemOf` turns a failed one into a Problem. No answer at all is a Problem with status 0.
   */
  upload(request: UploadRequest, signal?: AbortSignal): Promise<ApiResult<HttpAnswer>>;
  /** Fetches the antiforgery token of the signed-in user; every later change sends it. */
  refreshAntiforgery(signal?: AbortSignal): Promise<ApiResult<void>>;
  /** Forgets the token (sign-out: it belongs to the user who signed out). */
  clearAntiforgery(): void;
  /** Called on every 401 except a failed sign-in; returns the unsubscribe function. */
  onUnauthorized(listener: () => void): () => void;
}

/** The sign-in endpoint answers 401 for wrong credentials: that is not a lost session. */
const LOGIN_PATH = '/api/v1/auth/login';
const ANTIFORGERY_PATH = '/api/v1/auth/antiforgery';
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

export function createApi(options: ApiOptions = {}): Api {
  const baseUrl = options.baseUrl ?? resolveApiBaseUrl();
  // Called as a plain function: window.fetch must not be invoked with another object as `this`.
  const send: FetchLike = options.fetch ?? ((input, init) => globalThis.fetch(input, init));
  const credentials = credentialsFor(baseUrl, options.pageOrigin ?? globalThis.location?.origin);
  const language = options.language ?? (() => globalThis.document?.documentElement.lang);
  const withLanguage = (set: (name: string, value: string) => void) => {
    const lang = language();
    if (lang === 'ko' || lang === 'en') set('Accept-Language', lang);
  };
  const unauthorizedListeners = new Set<() => void>();
  let antiforgery: { headerName: string; token: string } | undefined;
  let pendingToken: Promise<boolean> | undefined;

  /** One HTTP exchange with the session's cookie and, on changes, the antiforgery header. */
  async function exchange(input: RequestInfo, init: RequestInit | undefined, signal: AbortSignal | undefined): Promise<Response> {
    const method = (init?.method ?? 'GET').toUpperCase();
    const headers = new Headers(init?.headers);
    withLanguage((name, value) => headers.set(name, value));
    const unsafe = !SAFE_METHODS.has(method);
    if (unsafe && antiforgery) headers.set(antiforgery.headerName, antiforgery.token);
    const request: RequestInit = { ...init, headers, credentials };
    if (signal && !init?.signal) request.signal = signal;

    let response = await send(input, request);

    // A stale or missing token (another tab signed in as someone else, or the token fetch failed):
    // get a fresh one and try once more. A 403 wrote nothing, so repeating the request is safe.
    if (unsafe && response.status === 403 && (await isAntiforgeryRefusal(response)) && (await fetchToken())) {
      headers.set(antiforgery!.headerName, antiforgery!.token);
      response = await send(input, request);
    }

    if (response.status === 401 && !pathOf(input).endsWith(LOGIN_PATH)) {
      unauthorizedListeners.forEach((listener) => listener());
    }
    return response;
  }

  /** Fetches the token once even when several changes ask at the same time. */
  // No caller's signal here: one caller going away must not fail the fetch the others wait for.
  function fetchToken(): Promise<boolean> {
    pendingToken ??= (async () => {
      try {
        const response = await send(`${baseUrl}${ANTIFORGERY_PATH}`, {
          method: 'GET',
          headers: { Accept: 'application/json' },
          credentials,
        });
        if (!response.ok) return false;
        const body: unknown = await response.json();
        if (!isRecord(body) || typeof body.headerName !== 'string' || typeof body.token !== 'string') return false;
        antiforgery = { headerName: body.headerName, token: body.token };
        return true;
      } catch {
        return false;
      } finally {
        pendingToken = undefined;
      }
    })();
    return pendingToken;
  }

  async function call<T>(operation: (clients: Clients) => Promise<T>, signal?: AbortSignal): Promise<ApiResult<T>> {
    // Fresh clients per call (they are cheap) so a failure can be tied to the HTTP answer that
    // caused it, even when the generated code fails before it can report that status itself.
    let last: Response | undefined;
    const http = {
      fetch: async (input: RequestInfo, init?: RequestInit): Promise<Response> => {
        last = await exchange(input, init, signal);
        return last;
      },
    };
    const clients: Clients = {
      clusters: new ClustersClient(baseUrl, http),
      agencies: new AgenciesClient(baseUrl, http),
      health: new HealthClient(baseUrl, http),
      auth: new AuthClient(baseUrl, http),
      users: new UsersClient(baseUrl, http),
      apiKeys: new ApiKeysClient(baseUrl, http),
      audit: new AuditClient(baseUrl, http),
      issues: new RegulatoryIssuesClient(baseUrl, http),
      imports: new ImportsClient(baseUrl, http),
      documents: new DocumentsClient(baseUrl, http),
      council: new CouncilClient(baseUrl, http),
      calendarFeeds: new CalendarFeedsClient(baseUrl, http),
      meetings: new MeetingsClient(baseUrl, http),
      minutes: new MinutesClient(baseUrl, http),
      followUps: new FollowUpsClient(baseUrl, http),
      search: new SearchClient(baseUrl, http),
      make: (client) => new client(baseUrl, http),
      holidays: new HolidaysClient(baseUrl, http),
      home: new HomeClient(baseUrl, http),
    };
    try {
      return { kind: 'ok', value: await operation(clients) };
    } catch (error) {
      if (isAbort(error) || signal?.aborted) return { kind: 'aborted' };
      const problem = toProblem(error, last?.status);
      const retryAfter = last && problem.status === last.status ? retryAfterSeconds(last.headers.get('Retry-After')) : undefined;
      if (retryAfter !== undefined) problem.retryAfterSeconds = retryAfter;
      return { kind: 'problem', problem };
    }
  }

  async function refreshAntiforgery(signal?: AbortSignal): Promise<ApiResult<void>> {
    const result = await call((clients) => clients.auth.antiforgery(), signal);
    if (result.kind !== 'ok') return result;
    antiforgery = { headerName: result.value.headerName, token: result.value.token };
    return { kind: 'ok', value: undefined };
  }

  async function upload(request: UploadRequest, signal?: AbortSignal): Promise<ApiResult<HttpAnswer>> {
    const createXhr = options.xhr ?? (() => new XMLHttpRequest());
    const url = `${baseUrl}${request.path}`;
    const attempt = () => {
      const headers: Record<string, string> = { ...request.headers };
      withLanguage((name, value) => (headers[name] = value));
      if (antiforgery) headers[antiforgery.headerName] = antiforgery.token;
      return sendXhr(createXhr(), { method: request.method ?? 'POST', url, headers, body: request.body, credentials, onProgress: request.onProgress }, signal);
    };
    try {
      let answer = await attempt();
      // As in exchange(): a refused token changed nothing, so one more try with a fresh token is safe.
      if (answer.status === 403 && isAntiforgeryRefusalText(answer.text) && (await fetchToken())) answer = await attempt();
      if (answer.status === 401) unauthorizedListeners.forEach((listener) => listener());
      return { kind: 'ok', value: answer };
    } catch (error) {
      if (isAbort(error) || signal?.aborted) return { kind: 'aborted' };
      return { kind: 'problem', problem: toProblem(error) };
    }
  }

  return {
    baseUrl,
    call,
    upload,
    refreshAntiforgery,
    clearAntiforgery: () => {
      antiforgery = undefined;
    },
    onUnauthorized(listener) {
      unauthorizedListeners.add(listener);
      return () => {
        unauthorizedListeners.delete(listener);
      };
    },
  };
}

/** The shared instance the views use. */
export const api: Api = createApi();

/**
 * Same origin (the API serves the dashboard): the browser sends the cookie by itself. Another
 * origin: the cookie goes only with `include` (and the API must allow credentials for that origin).
 */
export function credentialsFor(baseUrl: string, pageOrigin: string | undefined): RequestCredentials {
  if (!baseUrl) return 'same-origin';
  try {
    return pageOrigin && new URL(baseUrl, pageOrigin).origin === pageOrigin ? 'same-origin' : 'include';
  } catch {
    return 'include';
  }
}

/** Retry-After is either seconds or an HTTP date (RFC 9110 §10.2.3). */
export function retryAfterSeconds(header: string | null | undefined, now: number = Date.now()): number | undefined {
  const text = header?.trim();
  if (!text) return undefined;
  if (/^\d+$/.test(text)) return Number(text);
  const at = Date.parse(text);
  return Number.isNaN(at) ? undefined : Math.max(0, Math.ceil((at - now) / 1000));
}

/** A record with the ETag of the version that was read, for If-Match on the next change. */
export interface Versioned<T> {
  value: T;
  etag: string;
}

/** Reads a wrapped response (see contracts/nswag.json, wrapResponseMethods) into value + ETag. */
export function versioned<T>(response: { headers: Record<string, unknown>; result: T }): Versioned<T> {
  const etag = Object.entries(response.headers ?? {}).find(([name]) => name.toLowerCase() === 'etag')?.[1];
  // Thrown inside api.call, so it reaches the view as a Problem like any other failure.
  if (typeof etag !== 'string' || !etag) throw new Error('The server sent no ETag, so the record cannot be changed safely.');
  return { value: response.result, etag };
}

export function isAbort(error: unknown): boolean {
  return typeof error === 'object' && error !== null && (error as { name?: unknown }).name === 'AbortError';
}

async function isAntiforgeryRefusal(response: Response): Promise<boolean> {
  try {
    return isAntiforgeryRefusalText(await response.clone().text());
  } catch {
    return false;
  }
}

function isAntiforgeryRefusalText(text: string): boolean {
  const body = parseJson(text);
  return isRecord(body) && typeof body.title === 'string' && /antiforgery/i.test(body.title);
}

/** A file sent as the request body, or a form with a file in it (see Api.upload). */
export interface UploadRequest {
  /** Path and query under the API's base URL, e.g. `/api/v1/imports/clusters?dryRun=true`. */
  path: string;
  /** POST unless told. */
  method?: string;
  /** A Blob is sent as it is; FormData as multipart/form-data (the browser writes the boundary). */
  body: Blob | FormData;
  headers?: Record<string, string>;
  onProgress?: (progress: UploadProgress) => void;
}

export interface UploadProgress {
  /** Bytes sent so far. */
  loaded: number;
  total: number;
}

/** An HTTP answer of any status, as text. */
export interface HttpAnswer {
  status: number;
  text: string;
  header(name: string): string | null;
}

/** The part of XMLHttpRequest an upload uses. */
export interface XhrLike {
  open(method: string, url: string): void;
  setRequestHeader(name: string, value: string): void;
  withCredentials: boolean;
  readonly upload: { onprogress: ((event: ProgressEvent) => void) | null };
  onload: ((event: ProgressEvent) => void) | null;
  onerror: ((event: ProgressEvent) => void) | null;
  onabort: ((event: ProgressEvent) => void) | null;
  readonly status: number;
  readonly responseText: string;
  getResponseHeader(name: string): string | null;
  send(body: Blob | FormData): void;
  abort(): void;
}

interface XhrRequest {
  method: string;
  url: string;
  headers: Record<string, string>;
  body: Blob | FormData;
  credentials: RequestCredentials;
  onProgress?: (progress: UploadProgress) => void;
}

/** One XMLHttpRequest as a promise: rejects like fetch (TypeError when no answer, AbortError when aborted). */
function sendXhr(xhr: XhrLike, request: XhrRequest, signal: AbortSignal | undefined): Promise<HttpAnswer> {
  return new Promise((resolve, reject) => {
    const aborted = () => reject(new DOMException('The upload was aborted.', 'AbortError'));
    if (signal?.aborted) {
      aborted();
      return;
    }
    const stop = () => xhr.abort();
    signal?.addEventListener('abort', stop, { once: true });
    const done = () => signal?.removeEventListener('abort', stop);
    xhr.open(request.method, request.url);
    // XMLHttpRequest's withCredentials is fetch's credentials: 'include'; same-origin sends the cookie anyway.
    xhr.withCredentials = request.credentials === 'include';
    xhr.setRequestHeader('Accept', 'application/json, application/problem+json');
    for (const [name, value] of Object.entries(request.headers)) xhr.setRequestHeader(name, value);
    if (request.onProgress) {
      const report = request.onProgress;
      const size = request.body instanceof Blob ? request.body.size : 0;
      xhr.upload.onprogress = (event) => report({ loaded: event.loaded, total: event.lengthComputable ? event.total : size });
    }
    xhr.onload = () => {
      done();
      resolve({ status: xhr.status, text: xhr.responseText, header: (name) => xhr.getResponseHeader(name) });
    };
    xhr.onerror = () => {
      done();
      reject(new TypeError('The upload failed: no answer from the server.'));
    };
    xhr.onabort = () => {
      done();
      aborted();
    };
    xhr.send(request.body);
  });
}

/** A failed answer (status >= 400) as a Problem, read the same way as the generated client's failures. */
export function problemOf(answer: Pick<HttpAnswer, 'status' | 'text'>): Problem {
  const body = parseJson(answer.text);
  if (isRecord(body) && looksLikeProblem(body)) return fromProblemBody(body, answer.status);
  const text = readableText(answer.text);
  return { status: answer.status, title: `HTTP ${answer.status}`, ...(text ? { detail: text } : {}) };
}

function pathOf(input: RequestInfo): string {
  const url = typeof input === 'string' ? input : input.url;
  try {
    return new URL(url, 'http://local').pathname;
  } catch {
    return url;
  }
}

/**
 * Turns anything the generated client (or fetch) can throw into a Problem.
 * @param httpStatus the status of the last HTTP answer, when one arrived.
 */
export function toProblem(error: unknown, httpStatus?: number): Problem {
  const answered = httpStatus !== undefined && httpStatus >= 400 ? httpStatus : undefined;

  // Undocumented status (or a documented one with an empty body): NSwag's ApiException.
  if (isApiException(error)) return problemOf({ status: error.status, text: error.response });

  // Documented status: NSwag throws the parsed problem object itself.
  if (isRecord(error) && !(error instanceof Error)) return fromProblemBody(error, answered);

  if (error instanceof Error) {
    // fetch rejects with a TypeError when no answer arrived (server down, DNS, CORS refusal).
    if (httpStatus === undefined && error instanceof TypeError) {
      return { status: 0, title: 'Network error', detail: error.message || undefined };
    }
    // An answer arrived but could not be read (e.g. a non-JSON body where JSON was promised).
    if (httpStatus !== undefined) {
      return { status: answered ?? 0, title: 'Unreadable response', detail: error.message || undefined };
    }
    return { status: 0, title: 'Unexpected error', detail: error.message || undefined };
  }

  return { status: answered ?? 0, title: 'Unexpected error', detail: String(error) };
}

function fromProblemBody(body: Record<string, unknown>, httpStatus: number | undefined): Problem {
  const bodyStatus = typeof body.status === 'number' && Number.isInteger(body.status) ? body.status : undefined;
  // The HTTP status is authoritative; the body's copy is advisory (RFC 9457).
  const status = httpStatus ?? bodyStatus ?? 0;
  const problem: Problem = { status, title: nonEmpty(body.title) ?? `HTTP ${status}` };
  const detail = nonEmpty(body.detail);
  if (detail) problem.detail = detail;
  const errors = fieldErrors(body.errors);
  if (errors) problem.errors = errors;
  const traceId = nonEmpty(body.traceId);
  if (traceId) problem.traceId = traceId;
  return problem;
}

function fieldErrors(value: unknown): Record<string, string[]> | undefined {
  if (!isRecord(value)) return undefined;
  const result: Record<string, string[]> = {};
  for (const [field, messages] of Object.entries(value)) {
    const list = (Array.isArray(messages) ? messages : [messages]).filter(
      (m): m is string => typeof m === 'string' && m.length > 0,
    );
    if (list.length > 0) result[field] = list;
  }
  return Object.keys(result).length > 0 ? result : undefined;
}

function looksLikeProblem(body: Record<string, unknown>): boolean {
  return 'title' in body || 'status' in body || 'detail' in body || 'errors' in body || 'type' in body;
}

function isApiException(error: unknown): error is ApiException {
  return error instanceof ApiException || (isRecord(error) && ApiException.isApiException(error));
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function nonEmpty(value: unknown): string | undefined {
  return typeof value === 'string' && value.trim().length > 0 ? value : undefined;
}

function parseJson(text: unknown): unknown {
  if (typeof text !== 'string' || text.length === 0) return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/** A short plain-text body is worth showing; an HTML error page from a proxy is not. */
function readableText(text: unknown): string | undefined {
  if (typeof text !== 'string') return undefined;
  const trimmed = text.trim();
  if (trimmed.length === 0 || trimmed.startsWith('<')) return undefined;
  return trimmed.length > 300 ? `${trimmed.slice(0, 300)}…` : trimmed;
}
