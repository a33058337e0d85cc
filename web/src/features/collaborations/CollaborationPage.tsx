import { useState, type FormEvent } from 'react';
import { Link, useParams, useSearchParams } from 'react-router';
import type { Versioned } from '../../api/api';
import type { CollaborationProjectDto, CollaborationTransitionRequest, PartnerRole } from '../../api/client';
import { paths } from '../../lib/paths';
import { useDocumentTitle } from '../../lib/useDocumentTitle';
import { Notice } from '../../ui/Form';
import { Loading } from '../../ui/Loading';
import { ProblemView } from '../../ui/ProblemView';
import { WorkflowMoves } from '../../ui/WorkflowMoves';
import { HistorySection } from '../audit/History';
import { IssueDocuments } from '../issues/IssueDocuments';
import { collaborationKeys, fetchCollaborationHistory, useAddPartner, useCollaboration, useMoveCollaboration, useRemovePartner } from './api';
import { CollaborationStateBadge, Period, Won } from './CollaborationBadges';
import { PARTNER_ROLES, partnerRequest } from './collaborations';
import { PartnerOptions } from './PartnerOptions';
import { useCollaborationsI18n } from './i18n';

/** One collaboration project: what it is, who takes part, the decision that started it, its moves, documents and history. */
export function CollaborationPage() {
  const { id: raw } = useParams();
  const id = Number(raw);
  const [search] = useSearchParams();
  const { t, name } = useCollaborationsI18n();
  const query = useCollaboration(id);
  const [moved, setMoved] = useState<string>();
  useDocumentTitle(query.data ? name({ nameKo: query.data.value.titleKo, nameEn: query.data.value.titleEn }) : t.collaborations.title);
  if (query.isPending) return <Loading />;
  if (query.error) return <ProblemView problem={query.error} onRetry={() => void query.refetch()} />;
  const p = query.data.value;
  const reload = () => void query.refetch();
  return (
    <div className="page">
      <p>
        <Link to={paths.collaborations()}>← {t.collaboration.back}</Link>
      </p>
      <header className="page__header">
        <h1 data-testid="collaboration-title">{name({ nameKo: p.titleKo, nameEn: p.titleEn })}</h1>
        <CollaborationStateBadge state={p.state} />
        {p.mayEdit && (
          <div className="page__actions">
            <Link className="button" to={paths.collaborationEdit(p.id)} data-testid="collaboration-edit">
              {t.collaboration.edit}
            </Link>
          </div>
        )}
      </header>
      {search.get('saved') === '1' && !moved && <Notice testId="saved-notice">{t.collaboration.saved}</Notice>}
      {moved && <Notice testId="moved-notice">{t.collaboration.moved.replace('{move}', t.collaborationMoves[moved] ?? moved)}</Notice>}
      <Facts project={p} />
      <Partners key={`partners-${query.data.etag}`} project={query.data} onReload={reload} />
      <section className="card" aria-labelledby="cp-moves">
        <h2 id="cp-moves" className="card__title">
          {t.collaboration.moves}
        </h2>
        <div className="card__body">
          {p.moveForms.length === 0 ? (
            <p className="muted" data-testid="no-moves">
              {t.collaboration.noMoves}
            </p>
          ) : (
            <Moves key={query.data.etag} project={query.data} onMoved={setMoved} onReload={reload} />
          )}
        </div>
      </section>
      <IssueDocuments owner={{ kind: 'collaborationProject', id: p.id }} intro={t.collaboration.documentsIntro} />
      <HistorySection queryKey={collaborationKeys.history(p.id)} fetchPage={(clients, limit, cursor) => fetchCollaborationHistory(clients, p.id, limit, cursor)} />
    </div>
  );
}

function Facts({ project: p }: { project: CollaborationProjectDto }) {
  const { t, fmt } = useCollaborationsI18n();
  const d = t.collaboration;
  const rows: [string, React.ReactNode][] = [
    [d.period, <Period key="period" project={p} />],
    [d.budget, p.budgetKrw != null ? <Won key="won" amount={p.budgetKrw} /> : d.none],
  ];
  if (p.source)
    rows.push([
      d.source,
      <Link key="m" to={paths.meeting(p.source.meetingId)} data-testid="source-meeting">
        {p.source.meetingNumber != null ? fmt(d.meetingNumber, { n: p.source.meetingNumber }) : p.source.meetingTitleKo}
        {p.source.agendaItemTitleKo ? ` · ${d.agendaItem}: ${p.source.agendaItemTitleKo}` : ''}
      </Link>,
    ]);
  if (p.stateNote) rows.push([d.stateNote, p.stateNote]);
  if (p.outcomes) rows.push([d.outcomes, <span key="o" className="prewrap" data-testid="collaboration-outcomes">{p.outcomes}</span>]);
  if (p.externalRef) rows.push([d.externalRef, p.externalRef]);
  return (
    <section className="card" aria-labelledby="cp-summary">
      <h2 id="cp-summary" className="card__title">
        {d.summary}
      </h2>
      <div className="card__body">
        <p className="prewrap" data-testid="collaboration-summary">
          {p.summary}
        </p>
        <dl className="facts">
          {rows.map(([label, value]) => (
            <div key={label} className="facts__row">
              <dt>{label}</dt>
              <dd>{value}</dd>
            </div>
          ))}
        </dl>
      </div>
    </section>
  );
}

function Partners({ project, onReload }: { project: Versioned<CollaborationProjectDto>; onReload: () => void }) {
  const { t, fmt, name } = useCollaborationsI18n();
  const d = t.collaboration;
  const p = project.value;
  const add = useAddPartner(project);
  const remove = useRemovePartner(project);
  const [partner, setPartner] = useState('');
  const [role, setRole] = useState<PartnerRole>('partner');
  const problem = add.error ?? remove.error;

  function submit(event: FormEvent) {
    event.preventDefault();
    const body = partnerRequest({ partner, role });
    if (body) add.mutate(body);
  }

  return (
    <section className="card" aria-labelledby="cp-partners" data-testid="collaboration-partners">
      <h2 id="cp-partners" className="card__title">
        {d.partners}
      </h2>
      <div className="card__body">
        <ul>
          {p.partners.map((x) => (
            <li key={x.partnerId} data-testid="collaboration-partner" data-code={x.code}>
              {x.kind === 'cluster' ? <Link to={paths.cluster(x.code)}>{name(x)}</Link> : <Link to={paths.agency(x.code)}>{name(x)}</Link>} ·{' '}
              {t.partnerRoles[x.role]}
              {p.mayEdit && (
                <>
                  {' '}
                  <button
                    type="button"
                    className="button button--small"
                    aria-label={fmt(d.removeLabel, { name: name(x) })}
                    disabled={remove.isPending}
                    onClick={() => remove.mutate(x.partnerId)}
                    data-testid="partner-remove"
                  >
                    {d.remove}
                  </button>
                </>
              )}
            </li>
          ))}
        </ul>
        {p.mayEdit && (
          <form className="form form--inline" onSubmit={submit} aria-label={d.addPartner} data-testid="partner-add">
            <label>
              {d.partner}{' '}
              <select value={partner} onChange={(e) => setPartner(e.target.value)} data-testid="partner-choice">
                <option value="">{d.choose}</option>
                <PartnerOptions />
              </select>
            </label>{' '}
            <label>
              {d.role}{' '}
              <select value={role} onChange={(e) => setRole(e.target.value as PartnerRole)} data-testid="partner-role">
                {PARTNER_ROLES.map((r) => (
                  <option key={r} value={r}>
                    {t.partnerRoles[r]}
                  </option>
                ))}
              </select>
            </label>{' '}
            <button type="submit" className="button" disabled={!partner || add.isPending} data-testid="partner-add-submit">
              {d.add}
            </button>
          </form>
        )}
        {problem && <ProblemView problem={problem} onRetry={onReload} />}
      </div>
    </section>
  );
}

function Moves({ project, onMoved, onReload }: { project: Versioned<CollaborationProjectDto>; onMoved: (to: string) => void; onReload: () => void }) {
  const { t } = useCollaborationsI18n();
  const move = useMoveCollaboration(project);
  return (
    <WorkflowMoves<CollaborationTransitionRequest>
      moveForms={project.value.moveForms}
      label={(key) => t.collaborationMoves[key] ?? key}
      fieldLabel={(field) => t.collaborationFields[field] ?? field}
      mutation={{ mutate: (body, options) => move.mutate(body, options), isPending: move.isPending, error: move.error, reset: move.reset }}
      onReload={onReload}
      onMoved={onMoved}
      idPrefix={`collaboration-${project.value.id}`}
    />
  );
}
