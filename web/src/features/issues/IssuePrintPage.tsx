// An issue on one A4 page for internal approval (결재): the approval boxes, the facts in a table, the texts, the
// ministry's answer and the progress, and who printed it when. Printing uses the browser's own dialog; the print
// styles (app/base.css, issues.css) drop the dashboard's chrome so only the document is on paper.
import { Link, useParams } from 'react-router';
import type { RegulatoryIssueDto } from '../../api/client';
import { QueryStatus } from '../../ui/QueryStatus';
import { useI18n } from '../../i18n';
import { formatDay, formatTimestamp } from '../../lib/format';
import { paths } from '../../lib/paths';
import { useDocumentTitle } from '../../lib/useDocumentTitle';
import { useMe } from '../auth/session';
import { useIssue } from './api';
import './issues.css';

export function IssuePrintPage() {
  const { t, fmt } = useI18n();
  const id = Number(useParams().id);
  const query = useIssue(id, 'detail');
  useDocumentTitle(fmt(t.issuePrint.documentTitle, { id }));

  return (
    <div className="page page--print">
      <div className="print-toolbar no-print">
        <Link to={paths.issue(id)} className="button">
          {t.issuePrint.back}
        </Link>
        <button type="button" className="button button--primary" onClick={() => window.print()} data-testid="issue-print-button">
          {t.issuePrint.print}
        </button>
      </div>
      <QueryStatus query={query} notFound={fmt(t.issueDetail.notFound, { id })} />
      {query.data && <IssueDocument issue={query.data.value} />}
    </div>
  );
}

function IssueDocument({ issue: i }: { issue: RegulatoryIssueDto }) {
  const { t, name, locale, lang } = useI18n();
  const me = useMe();
  const at = (iso: string | null) => (iso ? `${formatTimestamp(locale, iso)} ${t.common.timeZoneShort}` : '');
  const day = (value: string | null) => (value ? formatDay(locale, value) : '');
  const english = lang === 'en';
  const title = english ? i.titleEn?.trim() || i.titleKo : i.titleKo;
  const law = [i.lawName, i.lawArticle].filter(Boolean).join(' ');
  const facts: [string, string][] = [
    [t.issuePrint.number, `#${i.id}${i.externalRef ? ` (${i.externalRef})` : ''}`],
    [t.issueFields.status, t.issueStatuses[i.status] ?? i.status],
    [t.issueFields.raisedBy, name(i.raisedBy)],
    [t.issueFields.clusterCodes, i.clusters.map((c) => name(c)).join(', ')],
    [t.issueFields.category, t.issueCategories[i.category] ?? i.category],
    [t.issueFields.priority, t.issuePriorities[i.priority] ?? i.priority],
    [t.issueFields.lawName, law],
    [t.issueFields.sourceMeeting, i.sourceMeeting ?? ''],
    [t.issueFields.leadMinistry, i.leadMinistry ? name(i.leadMinistry) : ''],
    [t.issueFields.coMinistries, i.coMinistries.map((m) => name(m)).join(', ')],
    [t.issueFields.official, i.official ? [i.official.name, i.official.department, i.official.contact].filter(Boolean).join(' · ') : ''],
    [t.issueFields.assignedAt, at(i.assignedAt)],
    [t.issueFields.responseDueAt, at(i.responseDueAt)],
    [t.issueFields.answeredAt, at(i.answeredAt)],
  ];
  const answer: [string, string][] = (
    [
      [t.issueFields.plannedChange, i.plannedChange ?? ''],
      [t.issueFields.instrument, i.instrument ? (t.instruments[i.instrument] ?? i.instrument) : ''],
      [t.issueFields.plannedCompletionOn, day(i.plannedCompletionOn)],
      [t.issueFields.reviewOn, day(i.reviewOn)],
      [t.issueFields.justification, i.justification ?? ''],
      [t.issueFields.progressPercent, i.progressPercent != null ? `${i.progressPercent}%` : ''],
      [t.issueFields.progressNote, i.progressNote ?? ''],
      [t.issueFields.completedOn, day(i.completedOn)],
      [t.issueFields.evidence, i.evidence ?? ''],
      [t.issueFields.withdrawalReason, i.withdrawalReason ?? ''],
    ] as [string, string][]
  ).filter(([, value]) => value !== '');

  return (
    <article className="print-doc" data-testid="issue-print" aria-labelledby="print-title">
      <header className="print-doc__head">
        <div>
          <p className="print-doc__kind">{t.issuePrint.kind}</p>
          <h1 id="print-title" className="print-doc__title">
            {title}
          </h1>
        </div>
        <table className="approval" aria-label={t.issuePrint.approval} data-testid="issue-print-approval">
          <thead>
            <tr>
              {t.issuePrint.approvers.map((who) => (
                <th key={who} scope="col">
                  {who}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            <tr>
              {t.issuePrint.approvers.map((who) => (
                <td key={who} />
              ))}
            </tr>
          </tbody>
        </table>
      </header>

      <table className="print-facts">
        <tbody>
          {facts.map(([label, value]) => (
            <tr key={label}>
              <th scope="row">{label}</th>
              <td>{value}</td>
            </tr>
          ))}
        </tbody>
      </table>

      <section className="print-doc__section">
        <h2>{t.issueDetail.problem}</h2>
        <p className="prose" lang="ko">
          {i.problemKo}
        </p>
      </section>
      <section className="print-doc__section">
        <h2>{t.issueDetail.proposal}</h2>
        <p className="prose" lang="ko">
          {i.proposalKo}
        </p>
      </section>
      {answer.length > 0 && (
        <section className="print-doc__section">
          <h2>{t.issuePrint.answer}</h2>
          <table className="print-facts">
            <tbody>
              {answer.map(([label, value]) => (
                <tr key={label}>
                  <th scope="row">{label}</th>
                  <td className="prose">{value}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      )}

      <footer className="print-doc__foot" data-testid="issue-print-footer">
        {t.issuePrint.printedBy} {me.displayName || me.name}
        {me.agency ? ` (${name(me.agency)})` : ''} · {t.issuePrint.printedAt} {at(new Date().toISOString())} · {t.app.name}
      </footer>
    </article>
  );
}
