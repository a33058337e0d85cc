import type { Remote } from '../lib/remote';
import { Loading } from './Loading';
import { ProblemView } from './ProblemView';

/** A record's loading or failure (with its own message for a 404); nothing once it is loaded. */
export function RemoteStatus<T>({ remote, notFound, onRetry }: { remote: Remote<T>; notFound: string; onRetry: () => void }) {
  if (remote.state === 'loading') return <Loading />;
  if (remote.state === 'problem') {
    return <ProblemView problem={remote.problem} message={remote.problem.status === 404 ? notFound : undefined} onRetry={onRetry} />;
  }
  return null;
}
