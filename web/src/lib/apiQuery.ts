// TanStack Query over the one wrapper (src/api/api.ts): every query and mutation function calls
// api.call, so a failure reaches the view as the query's or mutation's `error`, a Problem.
import { useInfiniteQuery, type QueryClient, type QueryKey } from '@tanstack/react-query';
import { api, type Clients, type Problem } from '../api/api';

declare module '@tanstack/react-query' {
  interface Register {
    /** Query and mutation functions throw only Problems (see `run`). */
    defaultError: Problem;
  }
}

/**
 * Runs one operation through the wrapper: its value, or the Problem thrown. An aborted call (TanStack
 * aborted the signal: the view went away or a newer request replaced it) throws an AbortError, which
 * TanStack drops instead of showing it.
 */
export async function run<T>(operation: (clients: Clients) => Promise<T>, signal?: AbortSignal): Promise<T> {
  const result = await api.call(operation, signal);
  if (result.kind === 'ok') return result.value;
  if (result.kind === 'problem') throw result.problem;
  throw new DOMException('The request was aborted.', 'AbortError');
}

/** Reads are tried once more after a network failure or a 5xx; a 4xx is an answer, not an accident. */
export function shouldRetry(failureCount: number, error: Problem): boolean {
  return failureCount < 1 && (error.status === 0 || error.status >= 500);
}

/** One page of a keyset-paged list, as the API returns it. */
export interface Page<T> {
  items: T[];
  nextCursor: string | null;
  totalCount: number;
}

/** A keyset-paged list: what tables and "load more" footers need from a useInfiniteQuery. */
export interface PagedList<T> {
  /** The first page as the API sent it, with whatever else its answer carries beside the items, once here. */
  firstPage: Page<T> | undefined;
  /** The first page: loading, failed (with its Problem), or here. */
  status: 'pending' | 'error' | 'success';
  problem: Problem | null;
  items: T[];
  totalCount: number;
  hasMore: boolean;
  loadingMore: boolean;
  /** A failure of "load more" only; the rows already shown stay. */
  moreProblem: Problem | undefined;
  loadMore: () => void;
  retry: () => void;
}

/** A keyset-paged list: the first page, then more through `nextCursor`; a new key starts over. */
export function usePagedQuery<T>(
  queryKey: QueryKey,
  fetchPage: (clients: Clients, cursor: string | undefined) => Promise<Page<T>>,
): PagedList<T> {
  const query = useInfiniteQuery({
    queryKey,
    queryFn: ({ pageParam, signal }) => run((clients) => fetchPage(clients, pageParam), signal),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
  const pages = query.data?.pages ?? [];
  return {
    firstPage: pages[0],
    status: query.data ? 'success' : query.status,
    problem: query.data ? null : query.error,
    items: pages.flatMap((page) => page.items),
    totalCount: pages[0]?.totalCount ?? 0,
    hasMore: query.hasNextPage,
    loadingMore: query.isFetchingNextPage,
    moreProblem: query.isFetchNextPageError ? query.error : undefined,
    loadMore: () => {
      if (query.hasNextPage && !query.isFetchingNextPage) void query.fetchNextPage();
    },
    retry: () => void query.refetch(),
  };
}

/** The audit log's queries: every write adds to the log. */
export const AUDIT_KEY = ['audit'] as const;

/**
 * After a successful write: the queries on screen under each key (and the audit log's) are
 * invalidated (refetched now); the ones off screen are dropped, so no page opens on a version the
 * write has replaced (a page shows "loading", then what the API says now).
 */
export function refreshAfterWrite(queryClient: QueryClient, ...queryKeys: QueryKey[]): void {
  for (const queryKey of [...queryKeys, AUDIT_KEY]) {
    queryClient.removeQueries({ queryKey, type: 'inactive' });
    void queryClient.invalidateQueries({ queryKey });
  }
}
