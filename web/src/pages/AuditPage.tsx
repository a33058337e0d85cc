import type { FormEvent } from 'react';
import type { AuditEntryDto } from '../api/client';
import { ACTOR_TYPES, AUDIT_ENTITY_TYPES, isOneOf } from '../api/enums';
import { Timestamp } from '../components/Details';
import { ActionBadge, ActorName, ChangeList } from '../components/History';
import { ListFooter, countSummary } from '../components/ListFooter';
import { Loading } from '../components/Loading';
import { ProblemView } from '../components/ProblemView';
import { useI18n } from '../i18n';
import { endOfKstDay, startOfKstDay } from '../lib/audit';
import { can } from '../lib/permissions';
import { usePagedList } from '../lib/remote';
import { toQuery, textField } from '../lib/query';
import { Link, navigate, paths } from '../lib/router';
import { useMe } from '../lib/session';
import { useDocumentTitle } from '../lib/useDocumentTitle';

const PAGE_SIZE = 50;
const DAY = /^\d{4}-\d{2}-\d{2}$/;

/** Filters live in the query string (bookmarkable); dates are calendar days in Korea. */
function readFilters(search: URLSearchParams) {
  const entityType = search.get('entityType');
  const actorType = search.get('actorType');
  const entityId = search.get('entityId')?.trim();
  const from = search.get('from')?.trim();
  const to = search.get('to')?.trim();
  return {
    entityType: isOneOf(AUDIT_ENTITY_TYPES, entityType) ? entityType : undefined,
    entityId: entityId && /^[1-9]\d{0,15}$/.test(entityId) ? entityId : undefined,
    actorType: isOneOf(ACTOR_TYPES, actorType) ? actorType : undefined,
    from: from && DAY.test(from) ? from : undefined,
    to: to && DAY.test(to) ? to : undefined,
  };
}

export function AuditPage({ search }: { search: URLSearchParams }) {
  const { t, fmt } = useI18n();
  useDocumentTitle(t.audit.title);
  const me = useMe();
  const filters = readFilters(search);
  const key = toQuery(filters).toString();

  const list = usePagedList<AuditEntryDto>(`audit:${key}`, (clients, cursor) =>
    clients.audit.listAuditEntries(
      filters.entityType,
      filters.entityId ? Number(filters.entityId) : undefined,
      filters.actorType,
      undefined,
      filters.from ? startOfKstDay(filters.from) : undefined,
      filters.to ? endOfKstDay(filters.to) : undefined,
      PAGE_SIZE,
      cursor,
    ),
  );

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    navigate(
      paths.audit(
        toQuery(
          readFilters(
            toQuery({
              entityType: textField(form, 'entityType'),
              entityId: textField(form, 'entityId'),
              actorType: textField(form, 'actorType'),
              from: textField(form, 'from'),
              to: textField(form, 'to'),
            }),
          ),
        ),
      ),
      { keepScroll: true },
    );
  }

  return (
    <div className="page">
      <header className="page__header">
        <h1>{t.audit.title}</h1>
        <p className="page__intro">{t.audit.intro}</p>
      </header>

      {/* Keyed by the URL, so Back and "clear" show the filters that are in force. */}
      <form key={key} className="filters" role="search" onSubmit={submit} aria-label={t.audit.filters.legend} data-testid="audit-filters">
        <div className="field">
          <label htmlFor="a-entity-type">{t.audit.filters.entityType}</label>
          <select id="a-entity-type" name="entityType" defaultValue={filters.entityType ?? ''}>
            <option value="">{t.common.all}</option>
            {AUDIT_ENTITY_TYPES.map((type) => (
              <option key={type} value={type}>
                {t.entityTypes[type]}
              </option>
            ))}
          </select>
        </div>
        <div className="field field--small">
          <label htmlFor="a-entity-id">{t.audit.filters.entityId}</label>
          <input id="a-entity-id" name="entityId" type="text" inputMode="numeric" pattern="[0-9]*" defaultValue={filters.entityId ?? ''} autoComplete="off" />
        </div>
        <div className="field">
          <label htmlFor="a-actor-type">{t.audit.filters.actorType}</label>
          <select id="a-actor-type" name="actorType" defaultValue={filters.actorType ?? ''}>
            <option value="">{t.common.all}</option>
            {ACTOR_TYPES.map((type) => (
              <option key={type} value={type}>
                {t.actorTypes[type]}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="a-from">{t.audit.filters.from}</label>
          <input id="a-from" name="from" type="date" defaultValue={filters.from ?? ''} />
        </div>
        <div className="field">
          <label htmlFor="a-to">{t.audit.filters.to}</label>
          <input id="a-to" name="to" type="date" defaultValue={filters.to ?? ''} />
        </div>
        <div className="filters__buttons">
          <button type="submit" className="button button--primary" data-testid="audit-apply">
            {t.common.apply}
          </button>
          {key && (
            <button type="button" className="button button--link" onClick={() => navigate(paths.audit(), { keepScroll: true })}>
              {t.audit.filters.reset}
            </button>
          )}
        </div>
      </form>

      {list.first.state === 'loading' && <Loading />}
      {list.first.state === 'problem' && <ProblemView problem={list.first.problem} onRetry={list.retry} />}
      {list.first.state === 'ok' && (
        <section className="card" aria-labelledby="audit-caption">
          <div className="table-wrap">
            <table className="table table--stack audit-table">
              <caption id="audit-caption" className="visually-hidden">
                {t.audit.caption}
              </caption>
              <thead>
                <tr>
                  <th scope="col">{t.audit.columns.occurredAt}</th>
                  <th scope="col">{t.audit.columns.actor}</th>
                  <th scope="col">{t.audit.columns.action}</th>
                  <th scope="col">{t.audit.columns.entity}</th>
                  <th scope="col">{t.audit.columns.changes}</th>
                </tr>
              </thead>
              <tbody>
                {list.items.map((entry) => (
                  <tr key={entry.id} data-testid="audit-row" data-entity-type={entry.entityType} data-action={entry.action}>
                    <td>
                      <Timestamp iso={entry.occurredAt} />
                    </td>
                    <td data-label={t.audit.columns.actor}>
                      <ActorName entry={entry} />
                    </td>
                    <td data-label={t.audit.columns.action}>
                      <ActionBadge action={entry.action} />
                    </td>
                    <td data-label={t.audit.columns.entity}>
                      <EntityLink entry={entry} canOpenUsers={can(me, 'users:manage')} />
                    </td>
                    <td data-label={t.audit.columns.changes}>
                      <ChangeList entry={entry} />
                      {(entry.requestId || entry.clientAddress) && (
                        <p className="audit-meta">
                          {entry.requestId && (
                            <span>
                              {t.audit.requestId} <code>{entry.requestId}</code>
                            </span>
                          )}
                          {entry.clientAddress && (
                            <span>
                              {t.audit.clientAddress} <code>{entry.clientAddress}</code>
                            </span>
                          )}
                        </p>
                      )}
                    </td>
                  </tr>
                ))}
                {list.items.length === 0 && (
                  <tr>
                    <td colSpan={5} className="table__empty">
                      {t.audit.empty}
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
      )}
    </div>
  );
}

/** "Cluster #3", linked to the record when the entry carries its code (or it is a user the reader manages). */
function EntityLink({ entry, canOpenUsers }: { entry: AuditEntryDto; canOpenUsers: boolean }) {
  const { t, fmt } = useI18n();
  const type = (t.entityTypes as Record<string, string>)[entry.entityType] ?? entry.entityType;
  const label = fmt(t.audit.entity, { type, id: entry.entityId });
  const record = (entry.after ?? entry.before) as { code?: unknown } | null;
  const code = record && typeof record.code === 'string' ? record.code : undefined;
  if (entry.entityType === 'cluster' && code) return <Link to={paths.cluster(code)}>{label}</Link>;
  if (entry.entityType === 'agency' && code) return <Link to={paths.agency(code)}>{label}</Link>;
  if (entry.entityType === 'regulatory_issue') return <Link to={paths.issue(entry.entityId)}>{label}</Link>;
  if (entry.entityType === 'user' && canOpenUsers) return <Link to={paths.user(entry.entityId)}>{label}</Link>;
  return <span>{label}</span>;
}
