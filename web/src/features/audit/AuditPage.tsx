import { useState, type FormEvent } from 'react';
import { useSearchParams } from 'react-router';
import { api } from '../../api/api';
import type { AuditEntryDto } from '../../api/client';
import { ACTOR_TYPES, AUDIT_ENTITY_TYPES, isOneOf } from '../../api/enums';
import { Timestamp } from '../../ui/Details';
import { ActionBadge, ActorName, ChangeList, ImportLine } from './History';
import { CardList, DataTable, PagedListFooter } from '../../ui/DataTable';
import { useAuditReadableI18n } from './i18n/readable';
import { ChoiceOptions, FilterField } from '../../ui/FilterBar';
import { useI18n } from '../../i18n';
import { auditExportUrl } from '../../lib/exports';
import { can } from '../../lib/permissions';
import { toQuery, textField } from '../../lib/query';
import { Link } from 'react-router';
import { paths } from '../../lib/paths';
import { useGo } from '../../lib/navigation';
import { useMe } from '../auth/session';
import { useDocumentTitle } from '../../lib/useDocumentTitle';
import { useAuditList, useImportRunEntries, type AuditFilters } from './api';
import './audit.css';

const DAY = /^\d{4}-\d{2}-\d{2}$/;

/** Filters live in the query string (bookmarkable); dates are calendar days in Korea. */
export function readFilters(search: URLSearchParams): AuditFilters {
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

export function AuditPage() {
  const { t, lang } = useI18n();
  const [search] = useSearchParams();
  const navigate = useGo();
  useDocumentTitle(t.audit.title);
  const me = useMe();
  const filters = readFilters(search);
  const key = toQuery(filters).toString();

  const list = useAuditList(filters);

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
      <header className="page__header page__header--actions">
        <div>
          <h1>{t.audit.title}</h1>
          <p className="page__intro">{t.audit.intro}</p>
        </div>
        <div className="page__actions">
          <a className="button" href={auditExportUrl(api.baseUrl, filters, 'csv', lang)} download title={t.audit.exportHint} data-testid="audit-export">
            {t.audit.export}
          </a>
          <a className="button" href={auditExportUrl(api.baseUrl, filters, 'xlsx', lang)} download title={t.audit.exportXlsxHint} data-testid="audit-export-xlsx">
            {t.audit.exportXlsx}
          </a>
        </div>
      </header>

      {/* Keyed by the URL, so Back and "clear" show the filters that are in force. */}
      <form key={key} className="filters" role="search" onSubmit={submit} aria-label={t.audit.filters.legend} data-testid="audit-filters">
        <FilterField id="a-entity-type" label={t.audit.filters.entityType}>
          <select id="a-entity-type" name="entityType" defaultValue={filters.entityType ?? ''}>
            <ChoiceOptions all={t.common.all} choices={AUDIT_ENTITY_TYPES.map((type) => ({ code: type, label: t.entityTypes[type] }))} />
          </select>
        </FilterField>
        <FilterField id="a-entity-id" label={t.audit.filters.entityId} className="field field--small">
          <input id="a-entity-id" name="entityId" type="text" inputMode="numeric" pattern="[0-9]*" defaultValue={filters.entityId ?? ''} autoComplete="off" />
        </FilterField>
        <FilterField id="a-actor-type" label={t.audit.filters.actorType}>
          <select id="a-actor-type" name="actorType" defaultValue={filters.actorType ?? ''}>
            <ChoiceOptions all={t.common.all} choices={ACTOR_TYPES.map((type) => ({ code: type, label: t.actorTypes[type] }))} />
          </select>
        </FilterField>
        <FilterField id="a-from" label={t.audit.filters.from}>
          <input id="a-from" name="from" type="date" defaultValue={filters.from ?? ''} />
        </FilterField>
        <FilterField id="a-to" label={t.audit.filters.to}>
          <input id="a-to" name="to" type="date" defaultValue={filters.to ?? ''} />
        </FilterField>
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

      <DataTable
        list={list}
        name="audit"
        caption={t.audit.caption}
        className="table table--stack audit-table"
        columns={[t.audit.columns.occurredAt, t.audit.columns.actor, t.audit.columns.action, t.audit.columns.entity, t.audit.columns.changes]}
        empty={t.audit.empty}
        row={(entry) => (
          <tr key={entry.id} data-testid="audit-row" data-entity-type={entry.entityType} data-action={entry.action}>
            <td>
              <Timestamp iso={entry.occurredAt} />
            </td>
            <td data-label={t.audit.columns.actor}>
              <ActorName entry={entry} />
            </td>
            <td data-label={t.audit.columns.action}>
              <ActionBadge action={entry.action} entityType={entry.entityType} />
            </td>
            <td data-label={t.audit.columns.entity}>
              <EntityLink entry={entry} canOpenUsers={can(me, 'users:manage')} />
            </td>
            <td data-label={t.audit.columns.changes}>
              {entry.import && entry.entityType === 'import' ? (
                <ImportRun entry={entry} canOpenUsers={can(me, 'users:manage')} />
              ) : (
                <>
                  {entry.import && <ImportLine entry={entry} />}
                  <ChangeList entry={entry} />
                </>
              )}
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
        )}
      />
    </div>
  );
}

/** An import run as one line, which opens on the records it changed (read page by page from the API). */
function ImportRun({ entry, canOpenUsers }: { entry: AuditEntryDto; canOpenUsers: boolean }) {
  const { t } = useAuditReadableI18n();
  const [open, setOpen] = useState(false);
  return (
    <div className="audit-import" data-testid="audit-import">
      <ImportLine entry={entry} />
      <button type="button" className="button button--link" aria-expanded={open} onClick={() => setOpen(!open)} data-testid="audit-import-toggle">
        {open ? t.auditReadable.hideRows : t.auditReadable.importRows}
      </button>
      {open && <ImportRunRows runId={entry.entityId} canOpenUsers={canOpenUsers} />}
    </div>
  );
}

function ImportRunRows({ runId, canOpenUsers }: { runId: number; canOpenUsers: boolean }) {
  const list = useImportRunEntries(runId);
  return (
    <CardList list={list}>
      <ol className="history" data-testid="audit-import-rows">
        {list.items.map((row) => (
          <li key={row.id} className="history__entry">
            <div className="history__head">
              <ActionBadge action={row.action} entityType={row.entityType} />
              <EntityLink entry={row} canOpenUsers={canOpenUsers} />
            </div>
            <ChangeList entry={row} />
          </li>
        ))}
      </ol>
      <PagedListFooter list={list} />
    </CardList>
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
