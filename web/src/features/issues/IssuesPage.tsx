import { PrintButton } from '../../ui/PrintButton';
import { useEffect, useRef, type FormEvent, type KeyboardEvent, type MouseEvent } from 'react';
import { useSearchParams } from 'react-router';
import { api } from '../../api/api';
import type { IssueStatus, RegulatoryIssueSummaryDto } from '../../api/client';
import { ISSUE_CATEGORIES, ISSUE_PRIORITIES, ISSUE_STATUSES, isOneOf } from '../../api/enums';
import { useAgencyChoices } from '../agencies/AgencyChoice';
import { DeadlineBadge, IssueStatusBadge, PriorityBadge } from './IssueBadges';
import { useClusterChoices, useMinistryChoices, type Choice } from './IssueChoices';
import { IssueStats } from './IssueStats';
import { DataTable, useOpenRow } from '../../ui/DataTable';
import { FilterBar, SearchField, SelectFilter } from '../../ui/FilterBar';
import { Loading } from '../../ui/Loading';
import { ProblemView } from '../../ui/ProblemView';
import { useI18n } from '../../i18n';
import { SavedViews } from '../saved-views/SavedViews';
import { viewQuery } from '../saved-views/savedViews';
import { useIssueQuickI18n } from './i18n/quick';
import {
  EMPTY_ISSUE_FILTERS,
  ISSUE_SORTS,
  MAX_ISSUE_QUERY_LENGTH,
  hasIssueFilters,
  isMyAgency,
  myAgencyFilters,
  issueExportUrl,
  issueListQuery,
  readIssueList,
  type IssueFilters,
  type IssueListState,
} from './issues';
import { can } from '../../lib/permissions';
import { textField } from '../../lib/query';
import { Link } from 'react-router';
import { paths } from '../../lib/paths';
import { useGo } from '../../lib/navigation';
import { useMe } from '../auth/session';
import { useDocumentTitle } from '../../lib/useDocumentTitle';
import { useIssueBoard, useIssueList } from './api';
import './issues.css';

export function IssuesPage() {
  const { t, lang } = useI18n();
  useDocumentTitle(t.issues.title);
  const me = useMe();
  const [search] = useSearchParams();
  const navigate = useGo();
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
            href={issueExportUrl(api.baseUrl, filters, 'csv', lang)}
            download
            title={t.issues.exportHint}
            data-testid="issues-export"
          >
            {t.issues.export}
          </a>
          <a
            className="button"
            href={issueExportUrl(api.baseUrl, filters, 'xlsx', lang)}
            download
            title={t.issues.exportXlsxHint}
            data-testid="issues-export-xlsx"
          >
            {t.issues.exportXlsx}
          </a>
          <PrintButton testId="issues-print" />
          {me?.actorType === 'user' && (
            <SavedViews page="issues" query={viewQuery(issueListQuery(state))} onOpen={(query) => navigate(paths.issues(new URLSearchParams(query)))} />
          )}
          {can(me, 'issues:raise') && (
            <Link to={paths.issueNew()} className="button button--primary" data-testid="issue-raise">
              {t.issues.raise}
            </Link>
          )}
        </div>
      </header>

      <IssueStats />

      <IssueFiltersForm filters={filters} apply={apply} reset={() => go({ filters: readIssueList(new URLSearchParams()).filters })} />
      <QuickFilters filters={filters} apply={apply} replace={(next) => go({ filters: { ...EMPTY_ISSUE_FILTERS, ...next } })} />

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
  const options = (query: { data?: Choice[] }) => query.data ?? [];

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

  return (
    <FilterBar
      label={t.issues.filters.legend}
      onSubmit={submit}
      testId="issue-filters"
      resetLabel={t.issues.filters.reset}
      onReset={hasIssueFilters(filters) ? reset : undefined}
    >
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
      <SelectFilter
        id="i-category"
        label={t.issues.filters.category}
        value={filters.category}
        choices={ISSUE_CATEGORIES.map((c) => ({ code: c, label: t.issueCategories[c] }))}
        onChange={(v) => apply({ category: isOneOf(ISSUE_CATEGORIES, v) ? v : undefined })}
        testId="i-category"
      />
      <SelectFilter
        id="i-priority"
        label={t.issues.filters.priority}
        value={filters.priority}
        choices={ISSUE_PRIORITIES.map((p) => ({ code: p, label: t.issuePriorities[p] }))}
        onChange={(v) => apply({ priority: isOneOf(ISSUE_PRIORITIES, v) ? v : undefined })}
        testId="i-priority"
      />
      {(
        [
          ['i-cluster', t.issues.filters.cluster, 'clusterCode', clusters],
          ['i-raised-by', t.issues.filters.raisedBy, 'raisedByCode', agencies],
          ['i-ministry', t.issues.filters.leadMinistry, 'leadMinistryCode', ministries],
        ] as const
      ).map(([id, label, field, choices]) => (
        <SelectFilter
          key={id}
          id={id}
          label={label}
          value={filters[field]}
          choices={options(choices)}
          onChange={(v) => apply({ [field]: v })}
          testId={id}
        />
      ))}
      <div className="field field--check">
        <label className="checkbox checkbox--late">
          <input type="checkbox" checked={filters.overdue} onChange={(e) => apply({ overdue: e.target.checked })} data-testid="i-overdue" />
          {t.issues.filters.overdueOnly}
        </label>
      </div>
      <SearchField id="i-q" label={t.issues.filters.q} value={filters.q} placeholder={t.issues.filters.qPlaceholder} maxLength={MAX_ISSUE_QUERY_LENGTH} />
    </FilterBar>
  );
}

/** One-click filters: "my agency's" issues (when the caller has an agency) and the two periods after an answer. */
function QuickFilters({
  filters,
  apply,
  replace,
}: {
  filters: IssueFilters;
  apply: (next: Partial<IssueFilters>) => void;
  replace: (next: Partial<IssueFilters>) => void;
}) {
  const { t } = useIssueQuickI18n();
  const me = useMe();
  const mine = myAgencyFilters(me);
  const mineOn = mine !== undefined && isMyAgency(filters, mine);
  const mineHint = mine?.status ? t.quick.myAgencyHint.routing : mine?.ministryCode ? t.quick.myAgencyHint.ministry : t.quick.myAgencyHint.operator;
  return (
    <div className="chips" role="group" aria-label={t.quick.label} data-testid="issue-quick-filters">
      {mine && (
        <button
          type="button"
          className="chip"
          aria-pressed={mineOn}
          title={mineHint}
          onClick={() => replace(mineOn ? {} : mine)}
          data-testid="chip-my-agency"
        >
          {t.quick.myAgency}
        </button>
      )}
      <button
        type="button"
        className="chip"
        aria-pressed={filters.challengeOpen}
        title={t.quick.challengeOpenHint}
        onClick={() => apply({ challengeOpen: !filters.challengeOpen })}
        data-testid="chip-challenge-open"
      >
        {t.quick.challengeOpen}
      </button>
      <button
        type="button"
        className="chip"
        aria-pressed={filters.finalAnswerOverdue}
        title={t.quick.finalAnswerOverdueHint}
        onClick={() => apply({ finalAnswerOverdue: !filters.finalAnswerOverdue })}
        data-testid="chip-final-answer-overdue"
      >
        {t.quick.finalAnswerOverdue}
      </button>
    </div>
  );
}

function IssueTable({ state }: { state: IssueListState }) {
  const { t } = useI18n();
  const list = useIssueList(state.filters, state.sort);
  const openRow = useOpenRow();

  return (
    <DataTable
      list={list}
      name="issues"
      caption={t.issues.caption}
      className="table table--clickable table--stack issues-table"
      columns={[
        t.issues.columns.title,
        t.issues.columns.clusters,
        t.issues.columns.raisedBy,
        t.issues.columns.leadMinistry,
        t.issues.columns.status,
        t.issues.columns.due,
        t.issues.columns.priority,
      ]}
      empty={t.issues.empty}
      row={(issue) => <IssueRow key={issue.id} issue={issue} onClick={(e) => openRow(e, paths.issue(issue.id))} />}
    />
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
  const board = useIssueBoard(state.filters, state.sort, columns);

  if (board.isPending) return <Loading />;
  if (board.isError && !board.data) return <ProblemView problem={board.error} onRetry={() => void board.refetch()} />;
  return (
    <section className="board" aria-label={t.issues.board.label} data-testid="issue-board">
      {board.data.map(({ status, page }) => (
        <section key={status} className={`board__column board__column--${status}`} aria-labelledby={`board-${status}`} data-testid="board-column" data-status={status}>
          <h2 id={`board-${status}`} className="board__title">
            <IssueStatusBadge status={status} />
            <span className="board__count" data-testid="board-count">
              {new Intl.NumberFormat(locale).format(page.totalCount)}
            </span>
          </h2>
          {page.items.length === 0 ? (
            <p className="board__empty">{t.issues.board.empty}</p>
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
