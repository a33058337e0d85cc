import { useState } from 'react';
import { versioned, type Versioned } from '../api/api';
import type { RegulatoryIssueDto } from '../api/client';
import { Breadcrumb } from '../components/Breadcrumb';
import { Detail, Timestamp } from '../components/Details';
import { Notice } from '../components/Form';
import { DeadlineBadge, IssueStatusBadge, PriorityBadge } from '../components/IssueBadges';
import { IssueMoves } from '../components/IssueMoves';
import { IssueComments, IssueTimeline } from '../components/IssueTimeline';
import { RemoteStatus } from '../components/RemoteStatus';
import { useI18n } from '../i18n';
import { formatDay } from '../lib/format';
import type { MoveKind } from '../lib/issueMoves';
import { canEditIssue } from '../lib/permissions';
import { useRemote } from '../lib/remote';
import { Link, paths } from '../lib/router';
import { useMe } from '../lib/session';
import { useDocumentTitle } from '../lib/useDocumentTitle';

export function IssueDetailPage({ id, search }: { id: number; search: URLSearchParams }) {
  const { t, fmt, lang } = useI18n();
  const [loaded, reload] = useRemote(`issue:${id}`, async (clients) => versioned(await clients.issues.getRegulatoryIssue(id)));
  // After a move the API answers with the issue as it now is (and its ETag): shown without a reload.
  const [moved, setMoved] = useState<{ issue: Versioned<RegulatoryIssueDto>; kind: MoveKind; base: Versioned<RegulatoryIssueDto> }>();
  const base = loaded.state === 'ok' ? loaded.value : undefined;
  const current = moved && moved.base === base ? moved.issue : base;
  const title = current ? (lang === 'en' ? current.value.titleEn?.trim() || current.value.titleKo : current.value.titleKo) : undefined;
  useDocumentTitle(title ?? t.issues.title);

  return (
    <div className="page page--wide">
      <Breadcrumb links={[{ to: paths.issues(), label: t.issueDetail.backToList }]} current={<>#{id}</>} />

      <RemoteStatus remote={loaded} notFound={fmt(t.issueDetail.notFound, { id })} onRetry={reload} />
      {current && base && (
        <>
          {moved && moved.base === base ? (
            <Notice testId="moved-notice">{fmt(t.issueMoves.moved, { move: t.moves[moved.kind] })}</Notice>
          ) : search.get('saved') === '1' ? (
            <Notice testId="saved-notice">{t.issueDetail.saved}</Notice>
          ) : search.get('created') === '1' ? (
            <Notice testId="created-notice">{t.issueDetail.created}</Notice>
          ) : null}
          <IssueDetails
            issue={current}
            onMoved={(issue, kind) => setMoved({ issue, kind, base })}
            onReload={() => {
              setMoved(undefined);
              reload();
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
  const { t, fmt, lang, name, locale } = useI18n();
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
          {canEditIssue(me, i) && (
            <Link to={paths.issueEdit(i.id)} className="button" data-testid="issue-edit">
              {t.issueDetail.edit}
            </Link>
          )}
        </div>
      </header>

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
          <IssueMoves issue={issue} onMoved={onMoved} onReload={onReload} />
          <IssueTimeline id={i.id} loadKey={issue.etag} />
          <IssueComments id={i.id} />
        </div>
      </div>
    </article>
  );
}
