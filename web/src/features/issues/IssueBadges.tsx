import type { IssuePriority, IssueStatus } from '../../api/client';
import { useI18n } from '../../i18n';
import { formatDay } from '../../lib/format';
import { deadlineLabel, deadlineOf } from './issues';
import './issues.css';

export function IssueStatusBadge({ status }: { status: IssueStatus }) {
  const { t } = useI18n();
  return (
    <span className={`badge badge--issue badge--issue-${status}`} data-testid="issue-status" data-status={status}>
      {t.issueStatuses[status] ?? status}
    </span>
  );
}

export function PriorityBadge({ priority }: { priority: IssuePriority }) {
  const { t } = useI18n();
  return <span className={`priority priority--${priority}`}>{t.issuePriorities[priority] ?? priority}</span>;
}

type DeadlineIssue = Parameters<typeof deadlineOf>[0];

/**
 * "D-3" / "3일 지연", red when late and amber when near; the kind of deadline and its date are
 * spelled out for screen readers and on hover. `long` shows them in the text as well.
 */
export function DeadlineBadge({ issue, long }: { issue: DeadlineIssue; long?: boolean }) {
  const { t, fmt, locale } = useI18n();
  const state = deadlineOf(issue);
  if (!state) return long ? <span className="muted">{t.deadline.none}</span> : <span className="muted">{t.common.none}</span>;
  const label = deadlineLabel(state, t.deadline);
  const kind = t.overdueKinds[state.kind];
  const due = state.due ? fmt(t.deadline.dueOn, { date: formatDay(locale, state.due) }) : '';
  const description = [kind, due].filter(Boolean).join(' ');
  return (
    <span className={`deadline deadline--${state.tone}`} data-testid="issue-deadline" data-tone={state.tone} title={description}>
      <span className="deadline__label">{label}</span>
      {long ? <span className="deadline__detail"> · {description}</span> : <span className="visually-hidden"> ({description})</span>}
    </span>
  );
}

