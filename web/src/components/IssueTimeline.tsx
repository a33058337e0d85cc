import { useRef, useState, type FormEvent } from 'react';
import { api, type Problem } from '../api/api';
import type { IssueTransitionDto } from '../api/client';
import { INSTRUMENTS, ISSUE_STATUSES, isOneOf } from '../api/enums';
import { useI18n } from '../i18n';
import type { Dictionary } from '../i18n/ko';
import { formatDay, formatTimestamp } from '../lib/format';
import { keyAfterSend, newIdempotencyKey } from '../lib/idempotency';
import { moveKind } from '../lib/issueMoves';
import { can } from '../lib/permissions';
import { useRemote } from '../lib/remote';
import { useMe } from '../lib/session';
import { Timestamp } from './Details';
import { Field, FormProblem, Notice, splitErrors, textOf, type FieldErrors } from './Form';
import { ActorName } from './History';
import { IssueStatusBadge } from './IssueBadges';
import { useMinistryChoices, type Choice } from './IssueChoices';
import { Loading } from './Loading';
import { ProblemView } from './ProblemView';

/** The issue's history: every move with who, when, the comment and the fields it set. */
export function IssueTimeline({ id, loadKey }: { id: number; loadKey: string }) {
  const { t } = useI18n();
  const [history, retry] = useRemote(`issue-history:${id}:${loadKey}`, (clients) => clients.issues.getRegulatoryIssueHistory(id));
  const ministries = useMinistryChoices();
  const ministryList = ministries.state === 'ok' ? ministries.value : [];

  return (
    <section className="card history-card" aria-labelledby="timeline-title" data-testid="timeline">
      <h2 id="timeline-title" className="card__title">
        {t.timeline.title}
      </h2>
      {history.state === 'loading' && <Loading />}
      {history.state === 'problem' && (
        <div className="card__body">
          <ProblemView problem={history.problem} onRetry={retry} />
        </div>
      )}
      {history.state === 'ok' &&
        (history.value.length === 0 ? (
          <p className="card__body muted">{t.timeline.empty}</p>
        ) : (
          <ol className="history timeline">
            {history.value.map((step) => (
              <TimelineStep key={step.id} step={step} ministries={ministryList} />
            ))}
          </ol>
        ))}
    </section>
  );
}

function TimelineStep({ step, ministries }: { step: IssueTransitionDto; ministries: Choice[] }) {
  const { t, locale } = useI18n();
  const label = step.from == null ? t.timeline.raised : t.moves[moveKind(step.from, step.to)];
  // The API records every field a move set, empty ones too (e.g. no co-ministries): show what says something.
  const fields = Object.entries(step.fields ?? {}).filter(([, value]) => value != null && value !== '');

  return (
    <li className="history__entry timeline__step" data-testid="timeline-entry" data-to={step.to} data-from={step.from ?? ''}>
      <div className="history__head">
        <span className="timeline__move">{label}</span>
        {step.from && (
          <>
            <IssueStatusBadge status={step.from} />
            <span aria-hidden="true">→</span>
          </>
        )}
        <IssueStatusBadge status={step.to} />
        <span className="history__actor">
          <ActorName entry={step} />
        </span>
        <span className="history__time">
          <Timestamp iso={step.occurredAt} />
        </span>
      </div>
      {step.comment && <blockquote className="timeline__comment">{step.comment}</blockquote>}
      {fields.length > 0 && (
        <dl className="timeline__fields" aria-label={t.timeline.fieldsCaption}>
          {fields.map(([field, value]) => (
            <div key={field} data-testid="timeline-field" data-field={field}>
              <dt>{(t.issueFields as Record<string, string>)[field] ?? field}</dt>
              <dd>{describeField(t, locale, ministries, field, value)}</dd>
            </div>
          ))}
        </dl>
      )}
    </li>
  );
}

/** A recorded value in the user's language: enum labels, ministry names, days and KST times. */
export function describeField(t: Dictionary, locale: string, ministries: Choice[], field: string, value: string): string {
  const ministry = (code: string) => ministries.find((m) => m.code === code)?.label ?? code;
  if (field === 'leadMinistryCode') return ministry(value);
  if (field === 'coMinistryCodes') return value.split(',').filter(Boolean).map(ministry).join(', ');
  if (field === 'instrument' && isOneOf(INSTRUMENTS, value)) return t.instruments[value];
  if (field === 'answer' && isOneOf(ISSUE_STATUSES, value)) return t.issueStatuses[value];
  if (field === 'progressPercent') return `${value}%`;
  if (field === 'rereviewUsed') return value === 'true' ? t.timeline.yes : value;
  if (/^\d{4}-\d{2}-\d{2}$/.test(value)) return formatDay(locale, value);
  if (/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/.test(value)) return formatTimestamp(locale, value);
  return value;
}

const COMMENT_FORM = 'issue-comment';

/** The discussion under an issue: oldest first; anyone who may comment adds to it. */
export function IssueComments({ id }: { id: number }) {
  const { t } = useI18n();
  const me = useMe();
  const [version, setVersion] = useState(0);
  const [comments, retry] = useRemote(`issue-comments:${id}:${version}`, (clients) => clients.issues.listRegulatoryIssueComments(id));
  const [pending, setPending] = useState(false);
  const [problem, setProblem] = useState<Problem>();
  const [ownErrors, setOwnErrors] = useState<FieldErrors>({});
  const [added, setAdded] = useState(false);
  const { inPlace, rest } = splitErrors(problem, ['text']);
  const errors = { ...inPlace, ...ownErrors };
  // Sent with the comment, so a double submit or a resend after a lost answer posts it once.
  const commentKey = useRef(newIdempotencyKey());

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    const text = textOf(new FormData(form), 'text');
    setProblem(undefined);
    setAdded(false);
    setOwnErrors(text ? {} : { text: [t.form.required] });
    if (!text) return;
    setPending(true);
    const result = await api.call((clients) => clients.issues.addRegulatoryIssueComment(id, { text }, commentKey.current));
    commentKey.current = keyAfterSend(commentKey.current, result, newIdempotencyKey);
    setPending(false);
    if (result.kind === 'problem') setProblem(result.problem);
    if (result.kind !== 'ok') return;
    form.reset();
    setAdded(true);
    setVersion((v) => v + 1);
  }

  return (
    <section className="card" aria-labelledby="comments-title" data-testid="comments">
      <h2 id="comments-title" className="card__title">
        {t.comments.title}
      </h2>
      <div className="card__body">
        {comments.state === 'loading' && <Loading />}
        {comments.state === 'problem' && <ProblemView problem={comments.problem} onRetry={retry} />}
        {comments.state === 'ok' &&
          (comments.value.length === 0 ? (
            <p className="muted">{t.comments.empty}</p>
          ) : (
            <ol className="comments">
              {comments.value.map((comment) => (
                <li key={comment.id} className="comment" data-testid="comment">
                  <div className="comment__head">
                    <strong>{comment.authorName}</strong>
                    <span className="history__time">
                      <Timestamp iso={comment.createdAt} />
                    </span>
                  </div>
                  <p className="comment__text">{comment.text}</p>
                </li>
              ))}
            </ol>
          ))}
        {can(me, 'issues:comment') && (
          <form className="comment-form" onSubmit={submit} noValidate aria-busy={pending} data-testid="comment-form">
            <Field form={COMMENT_FORM} name="text" label={t.comments.label} errors={errors} required>
              {(p) => <textarea {...p} rows={3} maxLength={4000} />}
            </Field>
            <FormProblem errors={errors} rest={rest} />
            {added && <Notice testId="comment-added">{t.comments.added}</Notice>}
            <div className="form__actions">
              <button type="submit" className="button button--primary" disabled={pending} data-testid="comment-submit">
                {pending ? t.comments.submitting : t.comments.submit}
              </button>
            </div>
          </form>
        )}
      </div>
    </section>
  );
}
