import type { UseQueryResult } from '@tanstack/react-query';
import { Loading } from './Loading';
import { ProblemView } from './ProblemView';

/** A record's loading or failure (with its own message for a 404); nothing once it is loaded. */
export function QueryStatus<T>({ query, notFound }: { query: UseQueryResult<T>; notFound: string }) {
  if (query.isPending) return <Loading />;
  if (query.isError && query.data === undefined) {
    const problem = query.error;
    return <ProblemView problem={problem} message={problem.status === 404 ? notFound : undefined} onRetry={() => void query.refetch()} />;
  }
  return null;
}
