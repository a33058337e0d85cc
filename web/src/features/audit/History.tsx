import type { QueryKey } from '@tanstack/react-query';
import type { Clients } from '../../api/api';
import type { AuditEntryDto } from '../../api/client';
import { useI18n } from '../../i18n';
import type { Dictionary } from '../../i18n/ko';
import { actionLabel, changedFields, isRecord, statesOf, type AuditLabels, type FieldChange } from './audit';
import { useAuditCouncilI18n } from './i18n/council';
import { useAuditReadableI18n } from './i18n/readable';
import { Link } from 'react-router';
import { paths } from '../../lib/paths';
import { formatNumber, formatTimestamp } from '../../lib/format';
import { usePagedQuery, type Page } from '../../lib/apiQuery';
import { Timestamp } from '../../ui/Details';
import { CardList, PagedListFooter } from '../../ui/DataTable';
import './audit.css';

const PAGE_SIZE = 20;

interface HistorySectionProps {
  /** The record's history query: a change to the record invalidates it, so the list reloads. */
  queryKey: QueryKey;
  fetchPage: (clients: Clients, limit: number, cursor: string | undefined) => Promise<Page<AuditEntryDto>>;
}

/** "Who changed what, when" for one record: its …/{id}/history, newest first. */
export function HistorySection({ queryKey, fetchPage }: HistorySectionProps) {
  const { t } = useI18n();
  const list = usePagedQuery<AuditEntryDto>(queryKey, (clients, cursor) => fetchPage(clients, PAGE_SIZE, cursor));
  const headingId = `history-${queryKey.join('-').replace(/[^\w-]/g, '-')}`;

  return (
    <section className="card history-card" aria-labelledby={headingId} data-testid="history">
      <h2 id={headingId} className="card__title">
        {t.history.title}
      </h2>
      <CardList list={list}>
        {list.items.length === 0 ? (
          <p className="card__body muted">{t.history.empty}</p>
        ) : (
          <ol className="history">
            {list.items.map((entry) => (
              <li key={entry.id} className="history__entry" data-testid="history-entry">
                <div className="history__head">
                  <ActionBadge action={entry.action} entityType={entry.entityType} />
                  <span className="history__actor">
                    <ActorName entry={entry} />
                  </span>
                  <span className="history__time">
                    <Timestamp iso={entry.occurredAt} />
                  </span>
                </div>
                {entry.import && <ImportLine entry={entry} />}
                <ChangeList entry={entry} />
              </li>
            ))}
          </ol>
        )}
        <PagedListFooter list={list} />
      </CardList>
    </section>
  );
}

export function ActionBadge({ action, entityType }: { action: string; entityType?: string }) {
  const labels = useAuditLabels();
  const moved = action.startsWith('transition:') || action.startsWith('minutes:');
  return <span className={`badge badge--action badge--action-${moved ? 'transition' : action}`}>{actionLabel(labels, entityType, action)}</span>;
}

/** The label tables of the audit views: the shared dictionary's and the council's (loaded with these views). */
function useAuditLabels(): AuditLabels & { meetingKinds: Record<string, string> } {
  const { t } = useAuditCouncilI18n();
  const c = t.auditCouncil;
  return {
    transition: t.audit.transition,
    actions: { ...(t.auditActions as Record<string, string>), ...c.actions },
    issueStatuses: t.issueStatuses as Record<string, string>,
    meetingStates: c.meetingStates,
    followUpStates: c.followUpStates,
    minutesStates: c.minutesStates,
    minutesMove: c.minutesMove,
    collaborationStates: c.collaborationStates,
    meetingKinds: c.meetingKinds,
  };
}

/**
 * Who made the change: "김민지 (식품의약품안전처)", a key "키 이름 (기관)" marked as an API key, BioCluster itself as the system.
 * The agency is the one they belonged to then; an entry recorded before agencies were kept shows the name alone.
 */
export function ActorName({ entry }: { entry: Pick<AuditEntryDto, 'actorType' | 'actorName' | 'actorDisplayName' | 'actorAgency'> }) {
  const { t, name } = useI18n();
  return (
    <>
      <span className="history__actor-name" data-testid="history-actor">
        {entry.actorDisplayName || entry.actorName}
        {entry.actorAgency && ` (${name(entry.actorAgency)})`}
      </span>
      {entry.actorType !== 'user' && <span className="muted"> · {t.actorTypes[entry.actorType] ?? entry.actorType}</span>}
    </>
  );
}

/** "가져오기: 기관 1,234건 생성, 56건 변경 (파일명, 실행자)": the import run an entry came with, or the run's own line; links to the runs. */
export function ImportLine({ entry }: { entry: Pick<AuditEntryDto, 'import'> }) {
  const { t, locale } = useAuditReadableI18n();
  const run = entry.import;
  if (!run) return null;
  const r = t.auditReadable;
  const line = r.importLine
    .replace('{entity}', r.entities[run.entity] ?? run.entity)
    .replace('{created}', formatNumber(locale, run.created))
    .replace('{updated}', formatNumber(locale, run.updated));
  const by = r.importBy.replace('{file}', run.fileName || r.noFile).replace('{actor}', run.actorName);
  return (
    <p className="history__import" data-testid="import-line">
      <Link to={paths.imports(new URLSearchParams({ entity: run.entity }))}>{line}</Link> <span className="muted">{by}</span>
    </p>
  );
}

/** The fields one entry changed, before → after; a creation lists what the record started with. */
export function ChangeList({ entry }: { entry: Pick<AuditEntryDto, 'entityType' | 'before' | 'after' | 'action'> }) {
  const { t } = useI18n();
  const labels = useAuditReadableI18n().t.auditReadable.fields;
  const changes = changedFields(entry.before, entry.after);
  if (changes.length === 0) return <p className="history__none muted">{t.history.noFieldChanges}</p>;
  const created = entry.before == null;
  return (
    <table className="changes">
      <thead className="visually-hidden">
        <tr>
          <th scope="col">{t.history.field}</th>
          {!created && <th scope="col">{t.history.before}</th>}
          <th scope="col">{t.history.after}</th>
        </tr>
      </thead>
      <tbody>
        {changes.map((change) => (
          <tr key={change.field} data-testid="history-change" data-field={change.field}>
            <th scope="row">{fieldLabel(labels, t, change.field)}</th>
            {!created && (
              <td className="changes__before">
                <AuditValue entityType={entry.entityType} change={change} side="before" />
              </td>
            )}
            <td className="changes__after">
              {!created && (
                <span className="changes__arrow" aria-hidden="true">
                  →{' '}
                </span>
              )}
              <AuditValue entityType={entry.entityType} change={change} side="after" />
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function fieldLabel(labels: Record<string, string>, t: Dictionary, field: string): string {
  return labels[field] ?? (t.fields as Record<string, string>)[field] ?? field;
}

/** One recorded value in the user's language: enum labels, names of linked records, KST times. */
function AuditValue({ entityType, change, side }: { entityType: string; change: FieldChange; side: 'before' | 'after' }) {
  const { t, name, locale } = useI18n();
  const labels = useAuditLabels();
  const readable = useAuditReadableI18n().t.auditReadable;
  const value = change[side];
  const text = describe(value);
  if (text === undefined || text === '') return <span className="muted">{t.common.none}</span>;
  return <span className={side === 'before' ? 'changes__old' : undefined}>{text}</span>;

  function describe(v: unknown): string | undefined {
    if (v === null || v === undefined) return undefined;
    if (Array.isArray(v)) return v.map((item) => describe(item) ?? '').filter(Boolean).join(', ');
    if (isRecord(v)) {
      if (typeof v.nameKo === 'string') return name(v as { nameKo: string; nameEn?: string | null });
      if (typeof v.code === 'string') return v.code;
      if (change.field === 'totals') {
        let text = readable.totals;
        for (const key of ['rows', 'created', 'updated', 'unchanged', 'rejected'])
          text = text.replace(`{${key}}`, formatNumber(locale, Number(v[key] ?? 0)));
        return text;
      }
      return JSON.stringify(v);
    }
    // A year is a name, not a quantity: 2010, never "2,010".
    if (typeof v === 'number') return /year$/i.test(change.field) ? String(v) : formatNumber(locale, v);
    if (typeof v === 'boolean') return v ? '✓' : '✗';
    if (typeof v !== 'string') return String(v);
    const importLabel = entityType === 'import' ? importValue(readable, change.field, v) : undefined;
    if (importLabel) return importLabel;
    const label = enumLabel(t, labels, entityType, change.field, v);
    if (label) return label;
    if (/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/.test(v)) return formatTimestamp(locale, v);
    return v;
  }
}

/** An import run's own entry: what it imported, how it ended, what it did with rows in error. */
function importValue(r: ReturnType<typeof useAuditReadableI18n>['t']['auditReadable'], field: string, value: string): string | undefined {
  const lists: Record<string, Record<string, string>> = { entity: r.entities, outcome: r.outcomes, onError: r.onError };
  return lists[field]?.[value];
}

function enumLabel(t: Dictionary, labels: ReturnType<typeof useAuditLabels>, entityType: string, field: string, value: string): string | undefined {
  const states = statesOf(labels, entityType);
  const lists: Record<string, Record<string, string> | undefined> = {
    region: t.regions,
    kind: entityType === 'meeting' ? labels.meetingKinds : t.agencyKinds,
    state: states,
    sector: t.sectors,
    role: t.roles,
    scopes: t.apiKeyScopes,
    category: t.issueCategories,
    priority: t.issuePriorities,
    instrument: t.instruments,
    overdueKind: t.overdueKinds,
    status:
      entityType === 'cluster'
        ? t.clusterStatuses
        : entityType === 'user'
          ? t.userStatuses
          : entityType === 'api_key'
            ? t.apiKeyStatuses
            : entityType === 'regulatory_issue'
              ? t.issueStatuses
              : t.recordStatuses,
  };
  return lists[field]?.[value];
}
