import type { Problem } from '../api/api';
import type { Dictionary } from '../i18n/ko';
import { useI18n } from '../i18n';

interface ProblemViewProps {
  problem: Problem;
  /** A friendlier sentence from the view, e.g. which record was not found. */
  message?: string;
  onRetry?: () => void;
}

/** The one place a failure is shown: a heading in the user's language, then what the server said. */
export function ProblemView({ problem, message, onRetry }: ProblemViewProps) {
  // The API answers in the language the screen reads (the client sends it as Accept-Language).
  const { t, lang } = useI18n();
  const heading = headingFor(problem.status, t.problem);
  const fields = Object.entries(problem.errors ?? {});
  const retryable = problem.status === 0 || problem.status === 429 || problem.status >= 500;

  return (
    // "Not found" is an answer, not a breakdown: shown in a calmer tone than real failures.
    <section className={problem.status === 404 ? 'problem problem--notice' : 'problem'} role="alert" data-testid="problem-view" data-status={problem.status}>
      <h2 className="problem__title">{heading}</h2>
      {message && <p className="problem__message">{message}</p>}
      {problem.status === 0 && <p className="problem__message">{t.problem.networkHint}</p>}
      <p className="problem__server">
        <span className="visually-hidden">{t.problem.serverSays}: </span>
        {problem.status > 0 && <span className="problem__status">{problem.status}</span>}
        <span lang={lang}>
          {problem.title}
          {problem.detail && ` — ${problem.detail}`}
        </span>
      </p>
      {fields.length > 0 && (
        <div className="problem__fields">
          <h3>{t.problem.fieldErrors}</h3>
          <ul>
            {fields.map(([field, messages]) => (
              <li key={field}>
                <code>{field}</code>: <span lang={lang}>{messages.join(' ')}</span>
              </li>
            ))}
          </ul>
        </div>
      )}
      {(onRetry && retryable) || problem.traceId ? (
        <div className="problem__footer">
          {onRetry && retryable && (
            <button type="button" className="button" onClick={onRetry}>
              {t.problem.retry}
            </button>
          )}
          {problem.traceId && (
            <small className="problem__trace">
              {t.problem.traceId}: <code>{problem.traceId}</code>
            </small>
          )}
        </div>
      ) : null}
    </section>
  );
}

function headingFor(status: number, p: Dictionary['problem']): string {
  if (status === 0) return p.network;
  if (status === 400 || status === 413 || status === 415 || status === 422) return p.badRequest;
  if (status === 401) return p.unauthorized;
  if (status === 403) return p.forbidden;
  if (status === 404) return p.notFound;
  if (status === 409) return p.conflict;
  if (status === 412 || status === 428) return p.precondition;
  if (status === 429) return p.tooMany;
  if (status >= 500) return p.server;
  return p.other;
}
