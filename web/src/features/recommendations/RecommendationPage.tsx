import { useState } from 'react';
import { Link, useParams, useSearchParams } from 'react-router';
import type { Versioned } from '../../api/api';
import type { PolicyRecommendationDto, RecommendationTransitionRequest } from '../../api/client';
import { formatDay, formatTimestamp } from '../../lib/format';
import { paths } from '../../lib/paths';
import { can } from '../../lib/permissions';
import { useDocumentTitle } from '../../lib/useDocumentTitle';
import { Notice } from '../../ui/Form';
import { Loading } from '../../ui/Loading';
import { ProblemView } from '../../ui/ProblemView';
import { WorkflowMoves } from '../../ui/WorkflowMoves';
import { useMoveRecommendation, useRecommendation, useRecommendationHistory } from './api';
import { RecommendationStateBadge } from './RecommendationBadges';
import { useMe } from '../auth/session';
import { useRecommendationsI18n } from './i18n';
import { canEditRecommendation } from './recommendations';

/** One recommendation: what was asked, of whom, where; the answer and follow-through; the linked issue; the moves; the timeline. */
export function RecommendationPage() {
  const { id: raw } = useParams();
  const id = Number(raw);
  const { t, name } = useRecommendationsI18n();
  const query = useRecommendation(id);
  const [moved, setMoved] = useState<string>();
  const me = useMe();
  const [search] = useSearchParams();
  useDocumentTitle(query.data ? name({ nameKo: query.data.value.themeKo, nameEn: query.data.value.themeEn }) : t.recommendations.title);
  if (query.isPending) return <Loading />;
  if (query.error) return <ProblemView problem={query.error} onRetry={() => void query.refetch()} />;
  const r = query.data.value;
  return (
    <div className="page">
      <p>
        <Link to={paths.recommendations()}>← {t.recommendation.back}</Link>
      </p>
      <header className="page__header">
        <h1 data-testid="recommendation-theme">{name({ nameKo: r.themeKo, nameEn: r.themeEn })}</h1>
        <RecommendationStateBadge state={r.state} />
        {r.overdue && <span className="deadline deadline--late">{t.recommendations.overdue}</span>}
        {canEditRecommendation({ raises: can(me, 'recommendations:raise'), manages: can(me, 'registry:write'), agencyId: me?.agency?.id }, r) && (
          <Link className="button" to={paths.recommendationEdit(r.id)} data-testid="edit-recommendation">
            {t.recommendationForm.edit}
          </Link>
        )}
      </header>
      {search.get('saved') === '1' && !moved && <Notice testId="saved-notice">{t.recommendationForm.saved}</Notice>}
      {moved && <Notice testId="moved-notice">{t.recommendation.moved.replace('{move}', t.recommendationMoves[moved] ?? moved)}</Notice>}
      <Facts recommendation={r} />
      <section className="card" aria-labelledby="rec-moves">
        <h2 id="rec-moves" className="card__title">
          {t.recommendation.moves}
        </h2>
        <div className="card__body">
          {r.moveForms.length === 0 ? (
            <p className="muted" data-testid="no-moves">
              {t.recommendation.noMoves}
            </p>
          ) : (
            <Moves key={query.data.etag} recommendation={query.data} onMoved={setMoved} onReload={() => void query.refetch()} />
          )}
        </div>
      </section>
      <History id={id} version={query.data.etag} />
    </div>
  );
}

function Facts({ recommendation: r }: { recommendation: PolicyRecommendationDto }) {
  const { t, fmt, name, locale } = useRecommendationsI18n();
  const d = t.recommendation;
  const rows: [string, React.ReactNode][] = [
    [d.raisedBy, name(r.raisedBy)],
    [d.leadMinistry, name(r.leadMinistry)],
    [d.otherMinistries, r.otherMinistries.length ? r.otherMinistries.map((m) => name(m)).join(', ') : d.none],
    [d.clusters, r.clusters.length ? r.clusters.map((c) => name(c)).join(', ') : d.none],
  ];
  if (r.source)
    rows.push([
      d.source,
      <Link key="m" to={paths.meeting(r.source.meetingId)} data-testid="source-meeting">
        {r.source.meetingNumber != null ? fmt(d.meetingNumber, { n: r.source.meetingNumber }) : r.source.meetingTitleKo}
        {r.source.agendaItemTitleKo ? ` · ${d.agendaItem}: ${r.source.agendaItemTitleKo}` : ''}
      </Link>,
    ]);
  if (r.responseDueAt) rows.push([d.responseDueAt, formatTimestamp(locale, r.responseDueAt)]);
  if (r.answer) rows.push([d.answer, r.answer]);
  if (r.acceptedPart) rows.push([d.acceptedPart, r.acceptedPart]);
  if (r.plannedCompletionOn) rows.push([d.plannedCompletionOn, formatDay(locale, r.plannedCompletionOn)]);
  if (r.reviewOn) rows.push([d.reviewOn, formatDay(locale, r.reviewOn)]);
  if (r.justification) rows.push([d.justification, r.justification]);
  if (r.progressNote) rows.push([d.progress, `${r.progressPercent ?? 0}% · ${r.progressNote}`]);
  if (r.evidence) rows.push([d.evidence, r.evidence]);
  if (r.withdrawalReason) rows.push([d.withdrawalReason, r.withdrawalReason]);
  if (r.issue)
    rows.push([
      d.issue,
      <Link key="i" to={paths.issue(r.issue.id)} data-testid="linked-issue">
        #{r.issue.id} {name({ nameKo: r.issue.titleKo, nameEn: r.issue.titleEn })}
      </Link>,
    ]);
  return (
    <section className="card" aria-labelledby="rec-text">
      <h2 id="rec-text" className="card__title">
        {d.text}
      </h2>
      <div className="card__body">
        <p className="prewrap" data-testid="recommendation-text">
          {r.text}
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

function Moves({ recommendation, onMoved, onReload }: { recommendation: Versioned<PolicyRecommendationDto>; onMoved: (to: string) => void; onReload: () => void }) {
  const { t } = useRecommendationsI18n();
  const move = useMoveRecommendation(recommendation);
  return (
    <WorkflowMoves<RecommendationTransitionRequest>
      moveForms={recommendation.value.moveForms}
      label={(key) => t.recommendationMoves[key] ?? key}
      fieldLabel={(field) => t.recommendationFields[field] ?? field}
      mutation={{ mutate: (body, options) => move.mutate(body, options), isPending: move.isPending, error: move.error, reset: move.reset }}
      onReload={onReload}
      onMoved={onMoved}
      idPrefix={`recommendation-${recommendation.value.id}`}
    />
  );
}

function History({ id, version }: { id: number; version: string }) {
  const { t, locale } = useRecommendationsI18n();
  const history = useRecommendationHistory(id);
  const entries = history.data ?? [];
  return (
    <section className="card" aria-labelledby="rec-history" data-version={version}>
      <h2 id="rec-history" className="card__title">
        {t.recommendation.history}
      </h2>
      <ol className="card__body timeline" data-testid="recommendation-history">
        {entries.map((e, i) => (
          <li key={i} data-to={e.to} data-move={e.move ?? undefined}>
            <strong>{e.move ? (t.recommendationMoves[e.move] ?? e.move) : t.recommendationStates[e.to]}</strong> · {e.actorName} · {formatTimestamp(locale, e.at)}
            {e.comment && <p className="muted">{e.comment}</p>}
          </li>
        ))}
      </ol>
    </section>
  );
}
