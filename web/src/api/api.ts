// The one door between the views and the generated client (client.ts, never edited by hand).
// Every failure leaves here as a Problem, so no view ever reads an error body itself.
import { resolveApiBaseUrl } from '../config';
import { AgenciesClient, ApiException, ClustersClient, HealthClient } from './client';

/** Everything a view needs to show a failure. `status` is 0 when no usable HTTP answer arrived. */
export interface Problem {
  status: number;
  title: string;
  detail?: string;
  errors?: Record<string, string[]>;
  traceId?: string;
}

export interface Clients {
  clusters: ClustersClient;
  agencies: AgenciesClient;
  health: HealthClient;
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
}

export interface Api {
  readonly baseUrl: string;
  /**
   * Runs one operation against the generated clients. The signal is attached to every request the
   * operation makes, so callers do not thread it through the client's parameters.
   */
  call<T>(operation: (clients: Clients) => Promise<T>, signal?: AbortSignal): Promise<ApiResult<T>>;
}

export function createApi(options: ApiOptions = {}): Api {
  const baseUrl = options.baseUrl ?? resolveApiBaseUrl();
  // Called as a plain function: window.fetch must not be invoked with another object as `this`.
  const send: FetchLike = options.fetch ?? ((input, init) => globalThis.fetch(input, init));

  async function call<T>(operation: (clients: Clients) => Promise<T>, signal?: AbortSignal): Promise<ApiResult<T>> {
    // Fresh clients per call (they are cheap) so a failure can be tied to the HTTP status that
    // caused it, even when the generated code fails before it can report that status itself.
    let lastStatus: number | undefined;
    const http = {
      fetch: async (input: RequestInfo, init?: RequestInit): Promise<Response> => {
        const response = await send(input, signal && !init?.signal ? { ...init, signal } : init);
        lastStatus = response.status;
        return response;
      },
    };
    const clients: Clients = {
      clusters: new ClustersClient(baseUrl, http),
      agencies: new AgenciesClient(baseUrl, http),
      health: new HealthClient(baseUrl, http),
    };
    try {
      return { kind: 'ok', value: await operation(clients) };
    } catch (error) {
      if (isAbort(error) || signal?.aborted) return { kind: 'aborted' };
      return { kind: 'problem', problem: toProblem(error, lastStatus) };
    }
  }

  return { baseUrl, call };
}

/** The shared instance the views use. */
export const api: Api = createApi();

export function isAbort(error: unknown): boolean {
  return typeof error === 'object' && error !== null && (error as { name?: unknown }).name === 'AbortError';
}

/**
 * Turns anything the generated client (or fetch) can throw into a Problem.
 * @param httpStatus the status of the last HTTP answer, when one arrived.
 */
export function toProblem(error: unknown, httpStatus?: number): Problem {
  const answered = httpStatus !== undefined && httpStatus >= 400 ? httpStatus : undefined;

  // Undocumented status (or a documented one with an empty body): NSwag's ApiException.
  if (isApiException(error)) {
    const body = parseJson(error.response);
    if (isRecord(body) && looksLikeProblem(body)) return fromProblemBody(body, error.status);
    const text = readableText(error.response);
    return { status: error.status, title: `HTTP ${error.status}`, ...(text ? { detail: text } : {}) };
  }

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
