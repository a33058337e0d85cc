import { ExportLinks } from '../../ui/ExportLinks';
import { useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import type { FollowUpDto } from '../../api/client';
import { useFollowUpsI18n } from './i18n';
import { formatDay } from '../../lib/format';
import { useGo } from '../../lib/navigation';
import { paths } from '../../lib/paths';
import { ownFollowUpAgency } from '../../lib/permissions';
import { useDocumentTitle } from '../../lib/useDocumentTitle';
import { ColumnHeads, PagedListFooter } from '../../ui/DataTable';
import { FilterBar, FilterField } from '../../ui/FilterBar';
import { Notice } from '../../ui/Form';
import { Loading } from '../../ui/Loading';
import { ProblemView } from '../../ui/ProblemView';
import { useAgencyChoices } from '../agencies/AgencyChoice';
import { useMe } from '../auth/session';
import { useFollowUpList } from './api';
import { FollowUpPanel } from './FollowUpPanel';
import { FollowUpStateBadge } from './FollowUpBadges';
import { followUpExportQuery, followUpQuery, groupByOwner, OPEN_STATES, readFollowUpFilters, type FollowUpFilters } from './followUps';
import './follow-ups.css';

export function FollowUpsPage() {
  const { t, fmt, name, locale } = useFollowUpsI18n();
  useDocumentTitle(t.followUps.title);
  const me = useMe();
  const own = ownFollowUpAgency(me);
  const [search] = useSearchParams();
  const navigate = useGo();
  const filters = readFollowUpFilters(search, own);
  const go = (next: Partial<FollowUpFilters>) => navigate(paths.followUps(followUpQuery({ ...filters, ...next }, own)), { keepScroll: true });
  const list = useFollowUpList(filters);
  const agencies = useAgencyChoices();
  const [moved, setMoved] = useState<string>();
  const stateValue = filters.state.length === 0 ? 'any' : filters.state.length === 1 ? filters.state[0] : 'open';

  return (
    <div className="page page--wide">
      <header className="page__header">
        <h1>{t.followUps.title}</h1>
        <p className="page__intro">{t.followUps.intro}</p>
        {own && filters.ownerCode === own && <p className="muted">{t.followUps.ownDefault}</p>}
        <div className="page__actions">
          <ExportLinks path="/api/v1/follow-ups/export" query={followUpExportQuery(filters)} hint={t.followUps.exportHint} testId="follow-ups-export" />
        </div>
      </header>
      <FilterBar
        label={t.followUps.filters.legend}
        onSubmit={(e) => e.preventDefault()}
        testId="follow-up-filters"
        resetLabel={t.followUps.filters.reset}
        onReset={followUpQuery(filters, own).toString() ? () => navigate(paths.followUps(), { keepScroll: true }) : undefined}
      >
        <FilterField id="f-owner" label={t.followUps.filters.owner}>
          <select id="f-owner" value={filters.ownerCode ?? ''} onChange={(e) => go({ ownerCode: e.target.value || undefined })} data-testid="owner-filter">
            <option value="">{t.followUps.filters.allOwners}</option>
            {(agencies.data ?? []).map((a) => (
              <option key={a.code} value={a.code}>
                {a.label}
              </option>
            ))}
          </select>
        </FilterField>
        <FilterField id="f-state" label={t.followUps.filters.state}>
          <select
            id="f-state"
            value={stateValue}
            onChange={(e) => go({ state: e.target.value === 'any' ? [] : e.target.value === 'open' ? OPEN_STATES : [e.target.value as FollowUpDto['state']] })}
            data-testid="follow-up-state-filter"
          >
            <option value="open">{t.followUps.filters.stateOpen}</option>
            <option value="any">{t.followUps.filters.stateAny}</option>
            {(['in_progress', 'done', 'cancelled'] as const).map((s) => (
              <option key={s} value={s}>
                {t.followUpStates[s]}
              </option>
            ))}
          </select>
        </FilterField>
        <label className="field field--check">
          <input type="checkbox" checked={filters.overdue} onChange={(e) => go({ overdue: e.target.checked })} data-testid="overdue-filter" />
          {t.followUps.filters.overdueOnly}
        </label>
        {filters.meetingId && (
          <p className="field">
            {fmt(t.followUps.filters.meeting, { id: filters.meetingId })}{' '}
            <button type="button" className="button button--link" onClick={() => go({ meetingId: undefined })}>
              {t.followUps.filters.clearMeeting}
            </button>
          </p>
        )}
      </FilterBar>
      {moved && <Notice testId="moved-notice">{fmt(t.followUps.moved, { move: t.followUpMoves[moved as keyof typeof t.followUpMoves] ?? moved })}</Notice>}
      {list.status === 'pending' ? (
        <Loading />
      ) : list.problem ? (
        <ProblemView problem={list.problem} onRetry={list.retry} />
      ) : list.items.length === 0 ? (
        <p className="card card__body" data-testid="follow-ups-empty">
          {t.followUps.empty}
        </p>
      ) : (
        groupByOwner(list.items, locale).map((group) => {
          const owner = group.owner ? name(group.owner) : t.followUps.unowned;
          return (
            <section key={group.code || 'none'} className="card follow-up-owner" aria-labelledby={`owner-${group.code || 'none'}`} data-testid="owner-group" data-owner={group.code}>
              <h2 id={`owner-${group.code || 'none'}`} className="card__title">
                {owner} <span className="muted">{fmt(t.followUps.ownerCount, { count: group.items.length })}</span>
                {group.overdue > 0 && <span className="late-text follow-up-owner__late"> {fmt(t.followUps.ownerOverdue, { count: group.overdue })}</span>}
              </h2>
              <div className="table-wrap">
                <table className="table follow-up-table">
                  <caption className="visually-hidden">{fmt(t.followUps.caption, { owner })}</caption>
                  <ColumnHeads columns={[t.followUps.columns.title, t.followUps.columns.meeting, t.followUps.columns.dueOn, t.followUps.columns.state, t.followUps.columns.progress, t.followUps.columns.actions]} />
                  <tbody>
                    {group.items.map((f) => (
                      <FollowUpRow key={f.id} followUp={f} onMoved={setMoved} />
                    ))}
                  </tbody>
                </table>
              </div>
            </section>
          );
        })
      )}
      {list.status === 'success' && list.items.length > 0 && <PagedListFooter list={list} />}
    </div>
  );
}

function FollowUpRow({ followUp: f, onMoved }: { followUp: FollowUpDto; onMoved: (to: string) => void }) {
  const { t, fmt, locale } = useFollowUpsI18n();
  const [open, setOpen] = useState(false);
  const last = f.notes.at(-1);
  return (
    <>
      <tr className={f.overdue ? 'follow-up--late' : undefined} data-testid="follow-up-row" data-id={f.id} data-owner={f.ownerAgency?.code} data-state={f.state} data-overdue={f.overdue}>
        <td>
          <span className="row-title">{f.title}</span>
          {f.ownerPerson && <span className="row-sub">{f.ownerPerson}</span>}
          {last && (
            <span className="row-sub">
              {t.followUps.lastNote}: {last.note}
            </span>
          )}
        </td>
        <td>
          <Link to={paths.meeting(f.meetingId)}>
            {f.meetingNumber != null ? fmt(t.followUps.meetingNumber, { n: f.meetingNumber }) : fmt(t.followUps.meetingLink, { id: f.meetingId })}
          </Link>
        </td>
        <td>
          {f.dueOn ? formatDay(locale, f.dueOn) : <span className="muted">{t.followUps.noDue}</span>}
          {f.overdue && (
            <span className="deadline deadline--late follow-up__late" data-testid="days-late">
              {fmt(t.followUps.daysLate, { days: f.daysLate ?? 1 })}
            </span>
          )}
        </td>
        <td>
          <FollowUpStateBadge state={f.state} />
        </td>
        <td>
          <span className="progress">
            <span className="progress__bar" aria-hidden="true">
              <span style={{ width: `${Math.min(100, Math.max(0, f.percent))}%` }} />
            </span>
            {fmt(t.followUps.percent, { value: f.percent })}
          </span>
        </td>
        <td>
          <button type="button" className="button button--small" aria-expanded={open} onClick={() => setOpen(!open)} data-testid="follow-up-act">
            {open ? t.followUps.close : t.followUps.act}
          </button>
        </td>
      </tr>
      {open && (
        <tr className="follow-up-moves-row">
          <td colSpan={6}>
            <FollowUpPanel
              id={f.id}
              onMoved={(to) => {
                setOpen(false);
                onMoved(to);
              }}
            />
          </td>
        </tr>
      )}
    </>
  );
}
