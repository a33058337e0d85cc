import { useQueryClient } from '@tanstack/react-query';
import { useIssueDeadlinesI18n } from './i18n/deadlines';
import { useState } from 'react';
import { useParams, useSearchParams } from 'react-router';
import type { Versioned } from '../../api/api';
import type { RegulatoryIssueDto } from '../../api/client';
import { Breadcrumb } from '../../ui/Breadcrumb';
import { Detail, Timestamp } from '../../ui/Details';
import { Notice } from '../../ui/Form';
import { DeadlineBadge, IssueStatusBadge, PriorityBadge } from './IssueBadges';
import { IssueMoves } from './IssueMoves';
import { IssueComments, IssueTimeline } from './IssueTimeline';
import { IssueDocuments } from './IssueDocuments';
import { IssueMeetings } from './IssueMeetings';
import { QueryStatus } from '../../ui/QueryStatus';
import { formatDay } from '../../lib/format';
import type { MoveKind } from './issueMoves';
import { canEditIssue } from '../../lib/permissions';
import { Link } from 'react-router';
import { paths } from '../../lib/paths';
import { useMe } from '../auth/session';
import { useDocumentTitle } from '../../lib/useDocumentTitle';
import { issueKeys, useIssue } from './api';
import './issues.css';

export function IssueDetailPage() {
  const { t, fmt, lang } = useIssueDeadlinesI18n();
  const id = Number(useParams().id);
  const [search] = useSearchParams();
  const queryClient = useQueryClient();
  const query = useIssue(id, 'detail');
  // After a move the API answers with the issue as it now is (and its ETag): it becomes the query's
  // data, shown without a reload, with a notice while that version is the one shown.
  const [moved, setMoved] = useState<{ kind: MoveKind; etag: string }>();
  const current = query.data;
  const title = current ? (lang === 'en' ? current.value.titleEn?.trim() || current.value.titleKo : current.value.titleKo) : undefined;
  useDocumentTitle(title ?? t.issues.title);

  return (
    <div className="page page--wide">
      <Breadcrumb links={[{ to: paths.issues(), label: t.issueDetail.backToList }]} current={<>#{id}</>} />

      <QueryStatus query={query} notFound={fmt(t.issueDetail.notFound, { id })} />
      {current && (
        <>
          {moved && moved.etag === current.etag ? (
            <Notice testId="moved-notice">{fmt(t.issueMoves.moved, { move: t.moves[moved.kind] })}</Notice>
          ) : search.get('saved') === '1' ? (
            <Notice testId="saved-notice">{t.issueDetail.saved}</Notice>
          ) : search.get('created') === '1' ? (
            <Notice testId="created-notice">{t.issueDetail.created}</Notice>
          ) : null}
          <IssueDetails
            issue={current}
            onMoved={(issue, kind) => {
              queryClient.setQueryData<Versioned<RegulatoryIssueDto>>(issueKeys.detail(id), issue);
              setMoved({ kind, etag: issue.etag });
            }}
            onReload={() => {
              setMoved(undefined);
              void query.refetch();
            }}
          />
        </>
      )}
    </div>
  );
}

interface IssueDetailsProps {
  issue: Versioned<RegulatoryIssueDto>;
  onMoved: (next: Versioned<RegulatoryIssueDto>, kind: MoveKind) => void;
  onReload: () => void;
}

function IssueDetails({ issue, onMoved, onReload }: IssueDetailsProps) {
  const { t, fmt, lang, name, locale } = useIssueDeadlinesI18n();
  const me = useMe();
  const i = issue.value;
  const english = lang === 'en';
  const title = english ? i.titleEn?.trim() || i.titleKo : i.titleKo;
  const otherTitle = english ? (title !== i.titleKo ? i.titleKo : undefined) : i.titleEn?.trim() || undefined;
  const day = (value: string | null) => value && formatDay(locale, value);
  const text = (ko: string, en: string | null) => (
    <>
      <p className="prose" lang="ko">
        {ko}
      </p>
      {en?.trim() && (
        <p className="prose prose--secondary" lang="en">
          <span className="prose__label">{t.issueDetail.english}</span> {en}
        </p>
      )}
    </>
  );

  return (
    <article className="detail" data-testid="issue-detail" data-status={i.status} data-etag={issue.etag}>
      <header className="detail__header">
        <div>
          <h1 data-testid="issue-heading" lang={title === i.titleKo ? 'ko' : 'en'}>
            {title}
          </h1>
          {otherTitle && (
            <p className="detail__subtitle" lang={english ? 'ko' : 'en'}>
              {otherTitle}
            </p>
          )}
        </div>
        <div className="detail__meta">
          <IssueStatusBadge status={i.status} />
          <DeadlineBadge issue={i} long />
          <PriorityBadge priority={i.priority} />
          <span className="code-chip">#{i.id}</span>
          <Link to={paths.issuePrint(i.id)} className="button" data-testid="issue-print-link">
            {t.issuePrint.printView}
          </Link>
          {canEditIssue(me, i) && (
            <Link to={paths.issueEdit(i.id)} className="button" data-testid="issue-edit">
              {t.issueDetail.edit}
            </Link>
          )}
        </div>
      </header>

      {/* The moves come right under the title and state, on every screen: what one can do next is not below long texts. */}
      <div className="detail__moves">
        <IssueMoves issue={issue} onMoved={onMoved} onReload={onReload} />
      </div>

      <div className="detail__columns">
        <div className="detail__stack">
          <section className="card" aria-labelledby="issue-content">
            <h2 id="issue-content" className="card__title">
              {t.issueDetail.content}
            </h2>
            <dl className="details details--single">
              <Detail label={t.issueDetail.problem} wide>
                {text(i.problemKo, i.problemEn)}
              </Detail>
              <Detail label={t.issueDetail.proposal} wide>
                {text(i.proposalKo, i.proposalEn)}
              </Detail>
            </dl>
          </section>

          <section className="card" aria-labelledby="issue-handling" data-testid="issue-handling">
            <h2 id="issue-handling" className="card__title">
              {t.issueDetail.handling}
            </h2>
            <dl className="details details--single">
              <Detail label={t.issueFields.leadMinistry}>{i.leadMinistry && <Link to={paths.agency(i.leadMinistry.code)}>{name(i.leadMinistry)}</Link>}</Detail>
              <Detail label={t.issueFields.coMinistries}>{i.coMinistries.map((m) => name(m)).join(', ')}</Detail>
              <Detail label={t.issueFields.official}>
                {i.official && [i.official.name, i.official.department, i.official.contact].filter(Boolean).join(' · ')}
              </Detail>
              <Detail label={t.issueFields.assignedAt}>{i.assignedAt && <Timestamp iso={i.assignedAt} />}</Detail>
              <Detail label={t.issueFields.responseDueAt}>{i.responseDueAt && <Timestamp iso={i.responseDueAt} />}</Detail>
              {(i.deadlineExtensions ?? 0) > 0 && (
                <Detail label={t.issueFields.deadlineExtensions}>
                  <span data-testid="issue-extensions" data-count={i.deadlineExtensions}>
                    {fmt(t.deadlines.extensions, { count: i.deadlineExtensions ?? 0 })}
                  </span>
                </Detail>
              )}
              {i.pendingRequest && (
                <Detail label={t.issueFields.pendingRequest} wide>
                  <p data-testid="issue-pending-request" data-kind={i.pendingRequest.kind}>
                    {i.pendingRequest.kind === 'relief'
                      ? fmt(t.deadlines.reliefRequest, { ministry: i.pendingRequest.proposedMinistry ? name(i.pendingRequest.proposedMinistry) : '' })
                      : fmt(t.deadlines.extensionRequest, { date: day(i.pendingRequest.proposedDueOn) ?? "" })}
                    {' · '}
                    <Timestamp iso={i.pendingRequest.requestedAt} />
                  </p>
                  <p className="prose">{i.pendingRequest.reason}</p>
                </Detail>
              )}
              {i.challengeDueOn && (
                <Detail label={t.issueFields.challengeDueOn}>
                  <span className={i.challengeOpen ? 'deadline' : 'deadline deadline--late'} data-testid="issue-challenge-due">
                    {fmt(i.challengeOpen ? t.deadlines.challengeOpen : t.deadlines.challengeClosed, { date: day(i.challengeDueOn) ?? "" })}
                  </span>
                </Detail>
              )}
              {i.finalAnswerDueOn && (
                <Detail label={t.issueFields.finalAnswerDueOn}>
                  <span className={i.finalAnswerOverdue ? 'deadline deadline--late' : 'deadline'} data-testid="issue-final-answer-due">
                    {fmt(i.finalAnswerOverdue ? t.deadlines.finalAnswerLate : t.deadlines.finalAnswerDue, { date: day(i.finalAnswerDueOn) ?? "" })}
                  </span>
                </Detail>
              )}
              <Detail label={t.issueFields.answeredAt}>{i.answeredAt && <Timestamp iso={i.answeredAt} />}</Detail>
              {i.plannedChange && (
                <Detail label={t.issueFields.plannedChange} wide>
                  <p className="prose">{i.plannedChange}</p>
                </Detail>
              )}
              {i.instrument && <Detail label={t.issueFields.instrument}>{t.instruments[i.instrument] ?? i.instrument}</Detail>}
              {i.plannedCompletionOn && <Detail label={t.issueFields.plannedCompletionOn}>{day(i.plannedCompletionOn)}</Detail>}
              {i.reviewOn && <Detail label={t.issueFields.reviewOn}>{day(i.reviewOn)}</Detail>}
              {i.justification && (
                <Detail label={t.issueFields.justification} wide>
                  <p className="prose">{i.justification}</p>
                </Detail>
              )}
              {i.progressPercent != null && (
                <Detail label={t.issueFields.progressPercent}>
                  <span className="progress" data-testid="issue-progress">
                    <span className="progress__bar" aria-hidden="true">
                      <span style={{ width: `${Math.min(100, Math.max(0, i.progressPercent))}%` }} />
                    </span>
                    {fmt(t.issueDetail.percent, { value: i.progressPercent })}
                  </span>
                </Detail>
              )}
              {i.progressNote && (
                <Detail label={t.issueFields.progressNote} wide>
                  <p className="prose">{i.progressNote}</p>
                </Detail>
              )}
              {i.completedOn && <Detail label={t.issueFields.completedOn}>{day(i.completedOn)}</Detail>}
              {i.evidence && (
                <Detail label={t.issueFields.evidence} wide>
                  <p className="prose">{i.evidence}</p>
                </Detail>
              )}
              {i.withdrawalReason && (
                <Detail label={t.issueFields.withdrawalReason} wide>
                  <p className="prose">{i.withdrawalReason}</p>
                </Detail>
              )}
              {(i.rereviewUsed || i.status === 'not_accepted') && (
                <Detail label={t.issueFields.rereviewUsed}>{i.rereviewUsed ? t.issueDetail.rereviewUsedYes : t.issueDetail.rereviewUsedNo}</Detail>
              )}
            </dl>
          </section>

          <section className="card" aria-labelledby="issue-summary">
            <h2 id="issue-summary" className="card__title">
              {t.issueDetail.summary}
            </h2>
            <dl className="details details--single">
              <Detail label={t.issueFields.category}>{t.issueCategories[i.category] ?? i.category}</Detail>
              <Detail label={t.issueFields.priority}>
                <PriorityBadge priority={i.priority} />
              </Detail>
              <Detail label={t.issueFields.raisedBy}>
                <Link to={paths.agency(i.raisedBy.code)}>{name(i.raisedBy)}</Link>
              </Detail>
              <Detail label={t.issueFields.clusterCodes}>
                {i.clusters.length > 0 && (
                  <ul className="inline-list">
                    {i.clusters.map((c) => (
                      <li key={c.code}>
                        <Link to={paths.cluster(c.code)}>{name(c)}</Link>
                      </li>
                    ))}
                  </ul>
                )}
              </Detail>
              <Detail label={t.issueFields.lawName}>{i.lawName}</Detail>
              <Detail label={t.issueFields.lawArticle}>{i.lawArticle}</Detail>
              <Detail label={t.issueFields.sourceMeeting}>{i.sourceMeeting}</Detail>
              {i.sourceRecommendation && (
                <Detail label={t.issueFields.sourceRecommendation}>
                  <Link to={paths.recommendation(i.sourceRecommendation.id)} data-testid="source-recommendation">
                    {name({ nameKo: i.sourceRecommendation.themeKo, nameEn: i.sourceRecommendation.themeEn })}
                  </Link>
                </Detail>
              )}
              <Detail label={t.issueFields.externalRef}>{i.externalRef && <code>{i.externalRef}</code>}</Detail>
              <Detail label={t.issueFields.tags} wide>
                {i.tags.length > 0 && (
                  <ul className="tags">
                    {i.tags.map((tag) => (
                      <li key={tag} className="tag">
                        {tag}
                      </li>
                    ))}
                  </ul>
                )}
              </Detail>
              <Detail label={t.common.createdAt}>
                <Timestamp iso={i.createdAt} />
              </Detail>
              <Detail label={t.common.updatedAt}>
                <Timestamp iso={i.updatedAt} />
              </Detail>
            </dl>
          </section>
        </div>

        <div className="detail__stack">
          <IssueMeetings meetings={i.meetings ?? []} />
          <IssueDocuments owner={{ kind: 'issue', id: i.id }} />
          <IssueTimeline id={i.id} />
          <IssueComments id={i.id} />
        </div>
      </div>
    </article>
  );
}
