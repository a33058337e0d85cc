// React state for API calls made through the one wrapper. Aborted calls (a newer request replaced
// them, or the view went away) change nothing.
import { useCallback, useEffect, useRef, useState } from 'react';
import { api, type Clients, type Problem } from '../api/api';

export type Remote<T> =
  | { state: 'loading' }
  | { state: 'ok'; value: T }
  | { state: 'problem'; problem: Problem };

/**
 * Loads one thing; reloads when `key` changes (the key must capture every input of `operation`).
 */
export function useRemote<T>(key: string, operation: (clients: Clients) => Promise<T>): [Remote<T>, () => void] {
  const [result, setResult] = useState<Remote<T>>({ state: 'loading' });
  const [attempt, setAttempt] = useState(0);
  const latest = useRef(operation);
  useEffect(() => {
    latest.current = operation;
  });

  useEffect(() => {
    const controller = new AbortController();
    setResult({ state: 'loading' });
    void api.call(latest.current, controller.signal).then((outcome) => {
      if (outcome.kind === 'ok') setResult({ state: 'ok', value: outcome.value });
      else if (outcome.kind === 'problem') setResult({ state: 'problem', problem: outcome.problem });
    });
    return () => controller.abort();
  }, [key, attempt]);

  const retry = useCallback(() => setAttempt((n) => n + 1), []);
  return [result, retry];
}

export interface Page<T> {
  items: T[];
  nextCursor: string | null;
  totalCount: number;
}

export interface PagedList<T> {
  /** The first page's state; items keep growing with `loadMore`. */
  first: Remote<Page<T>>;
  items: T[];
  totalCount: number;
  hasMore: boolean;
  loadingMore: boolean;
  /** A failure of "load more" only; the rows already shown stay. */
  moreProblem: Problem | undefined;
  loadMore: () => void;
  retry: () => void;
}

/** A keyset-paged list: the first page when `key` changes, then more pages through `nextCursor`. */
export function usePagedList<T>(
  key: string,
  fetchPage: (clients: Clients, cursor: string | undefined) => Promise<Page<T>>,
): PagedList<T> {
  const [first, retry] = useRemote(key, (clients) => fetchPage(clients, undefined));
  const [more, setMore] = useState<{ key: string; items: T[]; nextCursor: string | null }>();
  const [loadingMore, setLoadingMore] = useState(false);
  const [moreProblem, setMoreProblem] = useState<Problem>();
  const moreController = useRef<AbortController | undefined>(undefined);
  const latest = useRef(fetchPage);
  useEffect(() => {
    latest.current = fetchPage;
  });

  // A new filter (or a retry) starts over: forget extra pages and stop one still loading.
  const restarting = first.state === 'loading';
  useEffect(() => {
    moreController.current?.abort();
    setMore(undefined);
    setLoadingMore(false);
    setMoreProblem(undefined);
  }, [key, restarting]);
  useEffect(() => () => moreController.current?.abort(), []);

  const firstPage = first.state === 'ok' ? first.value : undefined;
  const extra = more && more.key === key ? more : undefined;
  const items = firstPage ? (extra ? [...firstPage.items, ...extra.items] : firstPage.items) : [];
  const nextCursor = extra ? extra.nextCursor : (firstPage?.nextCursor ?? null);

  const loadMore = useCallback(() => {
    if (!nextCursor || loadingMore) return;
    const controller = new AbortController();
    moreController.current = controller;
    setLoadingMore(true);
    setMoreProblem(undefined);
    void api.call((clients) => latest.current(clients, nextCursor), controller.signal).then((outcome) => {
      if (outcome.kind === 'aborted') return;
      setLoadingMore(false);
      if (outcome.kind === 'problem') {
        setMoreProblem(outcome.problem);
        return;
      }
      setMore((previous) => ({
        key,
        items: [...(previous && previous.key === key ? previous.items : []), ...outcome.value.items],
        nextCursor: outcome.value.nextCursor,
      }));
    });
  }, [key, nextCursor, loadingMore]);

  return {
    first,
    items,
    totalCount: firstPage?.totalCount ?? 0,
    hasMore: nextCursor !== null,
    loadingMore,
    moreProblem,
    loadMore,
    retry,
  };
}
