import { useEffect, useRef, type FormEvent, type KeyboardEvent, type MouseEvent } from 'react';
import { api, type Clients } from '../api/api';
import type { IssueStatus, RegulatoryIssueSummaryDto, RegulatoryIssueSummaryDtoPage } from '../api/client';
import { ISSUE_CATEGORIES, ISSUE_PRIORITIES, ISSUE_STATUSES, isOneOf } from '../api/enums';
import { useAgencyChoices } from '../components/AgencyChoice';
import { DeadlineBadge, IssueStatusBadge, PriorityBadge } from '../components/IssueBadges';
import { useClusterChoices, useMinistryChoices, withCurrent, type Choice } from '../components/IssueChoices';
import { IssueStats } from '../components/IssueStats';
import { ListFooter, countSummary } from '../components/ListFooter';
import { Loading } from '../components/Loading';
import { ProblemView } from '../components/ProblemView';
import { useI18n } from '../i18n';
import {
  ISSUE_SORTS,
  MAX_ISSUE_QUERY_LENGTH,
  hasIssueFilters,
  issueExportUrl,
  issueListArgs,
  issueListQuery,
  readIssueList,
  type IssueFilters,
  type IssueListState,
  type IssueSort,
} from '../lib/issues';
import { can } from '../lib/permissions';
import { textField } from '../lib/query';
import { usePagedList, useRemote } from '../lib/remote';
import { Link, navigate, paths } from '../lib/router';
import { useMe } from '../lib/session';
import { useDocumentTitle } from '../lib/useDocumentTitle';

const PAGE_SIZE = 50;
/** Cards per board column; the rest are a link to the list of that status. */
const BOARD_LIMIT = 20;

export function listIssues(clients: Clients, filters: IssueFilters, sort: IssueSort, limit: number, cursor?: string): Promise<RegulatoryIssueSummaryDtoPage> {
  return clients.issues.listRegulatoryIssues(...issueListArgs(filters), sort, limit, cursor);
}

export function IssuesPage({ search }: { search: URLSearchParams }) {
  const { t } = useI18n();
  useDocumentTitle(t.issues.title);
  const me = useMe();
  const state = readIssueList(search);
  const { filters } = state;

  function go(next: Partial<IssueListState>) {
    // Each change is a history entry, so Back undoes it.
    navigate(paths.issues(issueListQuery({ ...state, ...next })), { keepScroll: true });
  }
  const apply = (next: Partial<IssueFilters>) => go({ filters: { ...filters, ...next } });

  return (
    <div className="page page--wide">
      <header className="page__header page__header--actions">
        <div>
          <h1>{t.issues.title}</h1>
          <p className="page__intro">{t.issues.intro}</p>
        </div>
        <div className="page__actions">
          <Link to={paths.issuesMinistry()} className="button" data-testid="issues-ministry-link">
            {t.issues.ministryView}
          </Link>
          <a
            className="button"
            href={issueExportUrl(api.baseUrl, filters)}
            download
            title={t.issues.exportHint}
            data-testid="issues-export"
          >
            {t.issues.export}
          </a>
          {can(me, 'issues:raise') && (
            <Link to={paths.issueNew()} className="button button--primary" data-testid="issue-raise">
              {t.issues.raise}
            </Link>
          )}
        </div>
      </header>

      <IssueStats />

      <IssueFiltersForm filters={filters} apply={apply} reset={() => go({ filters: readIssueList(new URLSearchParams()).filters })} />

      <div className="toolbar">
        <div className="segmented" role="group" aria-label={t.issues.viewLabel}>
          <button type="button" className="segmented__item" aria-pressed={state.view === 'table'} onClick={() => go({ view: 'table' })} data-testid="view-table">
            {t.issues.viewTable}
          </button>
          <button type="button" className="segmented__item" aria-pressed={state.view === 'board'} onClick={() => go({ view: 'board' })} data-testid="view-board">
            {t.issues.viewBoard}
          </button>
        </div>
        <div className="field field--inline">
          <label htmlFor="i-sort">{t.issues.sort}</label>
          <select id="i-sort" value={state.sort} onChange={(e) => isOneOf(ISSUE_SORTS, e.target.value) && go({ sort: e.target.value })} data-testid="issues-sort">
            {ISSUE_SORTS.map((sort) => (
              <option key={sort} value={sort}>
                {t.issues.sorts[sort]}
              </option>
            ))}
          </select>
        </div>
      </div>

      {state.view === 'board' ? <IssueBoard state={state} /> : <IssueTable state={state} />}
    </div>
  );
}

function IssueFiltersForm({ filters, apply, reset }: { filters: IssueFilters; apply: (next: Partial<IssueFilters>) => void; reset: () => void }) {
  const { t, fmt } = useI18n();
  const clusters = useClusterChoices();
  const agencies = useAgencyChoices();
  const ministries = useMinistryChoices();
  const options = (remote: { state: string; value?: Choice[] }) => (remote.state === 'ok' ? (remote.value ?? []) : []);

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    apply({ q: textField(event.currentTarget, 'q') });
  }

  // The status list behaves like a menu: a click elsewhere or Escape closes it.
  const statusMenu = useRef<HTMLDetailsElement>(null);
  useEffect(() => {
    function closeOutside(event: PointerEvent) {
      const menu = statusMenu.current;
      if (menu?.open && !menu.contains(event.target as Node)) menu.open = false;
    }
    document.addEventListener('pointerdown', closeOutside);
    return () => document.removeEventListener('pointerdown', closeOutside);
  }, []);
  function closeOnEscape(event: KeyboardEvent<HTMLDetailsElement>) {
    const menu = statusMenu.current;
    if (event.key !== 'Escape' || !menu?.open) return;
    menu.open = false;
    menu.querySelector('summary')?.focus();
  }

  function toggleStatus(status: IssueStatus, on: boolean) {
    const next = on ? [...filters.status, status] : filters.status.filter((s) => s !== status);
    apply({ status: ISSUE_STATUSES.filter((s) => next.includes(s)) });
  }

  const select = (id: string, label: string, value: string | undefined, choices: Choice[], onChange: (value: string | undefined) => void) => (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <select id={id} value={value ?? ''} onChange={(e) => onChange(e.target.value || undefined)} data-testid={id}>
        <option value="">{t.common.all}</option>
        {withCurrent(choices, value).map((choice) => (
          <option key={choice.code} value={choice.code}>
            {choice.label}
          </option>
        ))}
      </select>
    </div>
  );

  return (
    <form className="filters" role="search" onSubmit={submit} aria-label={t.issues.filters.legend} data-testid="issue-filters">
      <div className="field">
        <span className="field__label" id="i-status-label">
          {t.issues.filters.status}
        </span>
        <details className="multi" ref={statusMenu} onKeyDown={closeOnEscape} data-testid="status-filter">
          <summary aria-describedby="i-status-label">
            {filters.status.length === 0
              ? t.issues.filters.statusAll
              : filters.status.length === 1
                ? t.issueStatuses[filters.status[0]]
                : fmt(t.issues.filters.statusChosen, { count: filters.status.length })}
          </summary>
          <fieldset className="multi__panel">
            <legend className="visually-hidden">{t.issues.filters.status}</legend>
            {ISSUE_STATUSES.map((status) => (
              <label key={status} className="checkbox">
                <input
                  type="checkbox"
                  value={status}
                  checked={filters.status.includes(status)}
                  onChange={(e) => toggleStatus(status, e.target.checked)}
                />
                {t.issueStatuses[status]}
              </label>
            ))}
          </fieldset>
        </details>
      </div>
      {select(
        'i-category',
        t.issues.filters.category,
        filters.category,
        ISSUE_CATEGORIES.map((c) => ({ code: c, label: t.issueCategories[c] })),
        (v) => apply({ category: isOneOf(ISSUE_CATEGORIES, v) ? v : undefined }),
      )}
      {select(
        'i-priority',
        t.issues.filters.priority,
        filters.priority,
        ISSUE_PRIORITIES.map((p) => ({ code: p, label: t.issuePriorities[p] })),
        (v) => apply({ priority: isOneOf(ISSUE_PRIORITIES, v) ? v : undefined }),
      )}
      {select('i-cluster', t.issues.filters.cluster, filters.clusterCode, options(clusters), (v) => apply({ clusterCode: v }))}
      {select('i-raised-by', t.issues.filters.raisedBy, filters.raisedByCode, options(agencies), (v) => apply({ raisedByCode: v }))}
      {select('i-ministry', t.issues.filters.leadMinistry, filters.leadMinistryCode, options(ministries), (v) => apply({ leadMinistryCode: v }))}
      <div className="field field--check">
        <label className="checkbox checkbox--late">
          <input type="checkbox" checked={filters.overdue} onChange={(e) => apply({ overdue: e.target.checked })} data-testid="i-overdue" />
          {t.issues.filters.overdueOnly}
        </label>
      </div>
      <div className="field field--grow">
        <label htmlFor="i-q">{t.issues.filters.q}</label>
        <div className="search-box">
          <input
            id="i-q"
            name="q"
            type="search"
            key={filters.q ?? ''}
            defaultValue={filters.q ?? ''}
            placeholder={t.issues.filters.qPlaceholder}
            autoComplete="off"
            maxLength={MAX_ISSUE_QUERY_LENGTH}
          />
          <button type="submit" className="button button--primary">
            {t.common.search}
          </button>
        </div>
      </div>
      {hasIssueFilters(filters) && (
        <button type="button" className="button button--link filters__reset" onClick={reset}>
          {t.issues.filters.reset}
        </button>
      )}
    </form>
  );
}

function IssueTable({ state }: { state: IssueListState }) {
  const { t, fmt } = useI18n();
  const key = `issues:${issueListQuery({ ...state, view: 'table' }).toString()}`;
  const list = usePagedList<RegulatoryIssueSummaryDto>(key, (clients, cursor) => listIssues(clients, state.filters, state.sort, PAGE_SIZE, cursor));

  function openRow(event: MouseEvent<HTMLTableRowElement>, id: number) {
    if ((event.target as HTMLElement).closest('a, button')) return;
    if (window.getSelection()?.toString()) return;
    navigate(paths.issue(id));
  }

  if (list.first.state === 'loading') return <Loading />;
  if (list.first.state === 'problem') return <ProblemView problem={list.first.problem} onRetry={list.retry} />;
  return (
    <section className="card" aria-labelledby="issues-caption">
      <div className="table-wrap">
        <table className="table table--clickable table--stack issues-table">
          <caption id="issues-caption" className="visually-hidden">
            {t.issues.caption}
          </caption>
          <thead>
            <tr>
              <th scope="col">{t.issues.columns.title}</th>
              <th scope="col">{t.issues.columns.clusters}</th>
              <th scope="col">{t.issues.columns.raisedBy}</th>
              <th scope="col">{t.issues.columns.leadMinistry}</th>
              <th scope="col">{t.issues.columns.status}</th>
              <th scope="col">{t.issues.columns.due}</th>
              <th scope="col">{t.issues.columns.priority}</th>
            </tr>
          </thead>
          <tbody>
            {list.items.map((issue) => (
              <IssueRow key={issue.id} issue={issue} onClick={(e) => openRow(e, issue.id)} />
            ))}
            {list.items.length === 0 && (
              <tr>
                <td colSpan={7} className="table__empty">
                  {t.issues.empty}
                </td>
              </tr>
            )}
          </tbody>
        </table>
      </div>
      <ListFooter
        hasMore={list.hasMore}
        loadingMore={list.loadingMore}
        problem={list.moreProblem}
        onLoadMore={list.loadMore}
        summary={countSummary(t, fmt, list.items.length, list.totalCount)}
      />
    </section>
  );
}

export function IssueTitle({ issue }: { issue: Pick<RegulatoryIssueSummaryDto, 'id' | 'titleKo' | 'titleEn'> }) {
  const { lang } = useI18n();
  const title = lang === 'en' ? issue.titleEn?.trim() || issue.titleKo : issue.titleKo;
  return (
    <Link to={paths.issue(issue.id)} className="row-title" lang={title === issue.titleKo ? 'ko' : 'en'} data-testid="issue-title">
      {title}
    </Link>
  );
}

function IssueRow({ issue, onClick }: { issue: RegulatoryIssueSummaryDto; onClick: (e: MouseEvent<HTMLTableRowElement>) => void }) {
  const { t, name } = useI18n();
  return (
    <tr
      className={issue.overdue ? 'row--late' : undefined}
      data-testid="issue-row"
      data-id={issue.id}
      data-status={issue.status}
      data-overdue={issue.overdue}
      onClick={onClick}
    >
      <td>
        <IssueTitle issue={issue} />
        <div className="row-sub">
          #{issue.id} · {t.issueCategories[issue.category] ?? issue.category}
        </div>
      </td>
      <td data-label={t.issues.columns.clusters}>{issue.clusters.map((c) => name(c)).join(', ')}</td>
      <td data-label={t.issues.columns.raisedBy}>{name(issue.raisedBy)}</td>
      <td data-label={t.issues.columns.leadMinistry}>
        {issue.leadMinistry ? name(issue.leadMinistry) : <span className="muted">{t.issues.unassigned}</span>}
      </td>
      <td data-label={t.issues.columns.status}>
        <IssueStatusBadge status={issue.status} />
      </td>
      <td data-label={t.issues.columns.due}>
        <DeadlineBadge issue={issue} />
      </td>
      <td data-label={t.issues.columns.priority}>
        <PriorityBadge priority={issue.priority} />
      </td>
    </tr>
  );
}

/** One column per status (or per chosen status), each with its own count and first cards. */
function IssueBoard({ state }: { state: IssueListState }) {
  const { t, fmt, name, locale } = useI18n();
  const columns = state.filters.status.length > 0 ? state.filters.status : [...ISSUE_STATUSES];
  const key = `issue-board:${issueListQuery({ ...state, view: 'board' }).toString()}`;
  const [board, retry] = useRemote(key, (clients) =>
    Promise.all(
      columns.map(async (status) => ({
        status,
        page: await listIssues(clients, { ...state.filters, status: [status] }, state.sort, BOARD_LIMIT),
      })),
    ),
  );

  if (board.state === 'loading') return <Loading />;
  if (board.state === 'problem') return <ProblemView problem={board.problem} onRetry={retry} />;
  return (
    <section className="board" aria-label={t.issues.board.label} data-testid="issue-board">
      {board.value.map(({ status, page }) => (
        <section key={status} className={`board__column board__column--${status}`} aria-labelledby={`board-${status}`} data-testid="board-column" data-status={status}>
          <h2 id={`board-${status}`} className="board__title">
            <IssueStatusBadge status={status} />
            <span className="board__count" data-testid="board-count">
              {new Intl.NumberFormat(locale).format(page.totalCount)}
            </span>
          </h2>
          {page.items.length === 0 ? (
            <p className="board__empty muted">{t.issues.board.empty}</p>
          ) : (
            <ul className="board__cards">
              {page.items.map((issue) => (
                <li key={issue.id} className={issue.overdue ? 'issue-card issue-card--late' : 'issue-card'} data-testid="issue-card" data-id={issue.id} data-overdue={issue.overdue}>
                  <IssueTitle issue={issue} />
                  <p className="issue-card__meta">
                    {issue.clusters.map((c) => name(c)).join(', ')}
                    {issue.leadMinistry && <> · {name(issue.leadMinistry)}</>}
                  </p>
                  <p className="issue-card__foot">
                    <DeadlineBadge issue={issue} />
                    <PriorityBadge priority={issue.priority} />
                  </p>
                </li>
              ))}
            </ul>
          )}
          {page.totalCount > page.items.length && (
            <Link
              className="board__more"
              to={paths.issues(issueListQuery({ filters: { ...state.filters, status: [status] }, sort: state.sort, view: 'table' }))}
            >
              {fmt(t.issues.board.more, { count: page.totalCount - page.items.length })}
            </Link>
          )}
        </section>
      ))}
    </section>
  );
}
