import { useRef, useState, type FormEvent } from 'react';
import type { IssueTransitionDto } from '../../api/client';
import { INSTRUMENTS, ISSUE_STATUSES, isOneOf } from '../../api/enums';
import { useI18n } from '../../i18n';
import type { Dictionary } from '../../i18n/ko';
import { formatDay, formatTimestamp } from '../../lib/format';
import { keyAfterSend, newIdempotencyKey } from '../../lib/idempotency';
import { moveKind } from './issueMoves';
import { can } from '../../lib/permissions';
import { useAddComment, useIssueComments, useIssueHistory } from './api';
import { useMe } from '../auth/session';
import { Timestamp } from '../../ui/Details';
import { Field, FormProblem, Notice, splitErrors, textOf, type FieldErrors } from '../../ui/Form';
import { ActorName } from '../audit/History';
import { IssueStatusBadge } from './IssueBadges';
import { useMinistryChoices, type Choice } from './IssueChoices';
import { Loading } from '../../ui/Loading';
import { ProblemView } from '../../ui/ProblemView';
import './issues.css';

/** The issue's history: every move with who, when, the comment and the fields it set. */
export function IssueTimeline({ id }: { id: number }) {
  const { t } = useI18n();
  const history = useIssueHistory(id);
  const ministries = useMinistryChoices();
  const ministryList = ministries.data ?? [];

  return (
    <section className="card history-card" aria-labelledby="timeline-title" data-testid="timeline">
      <h2 id="timeline-title" className="card__title">
        {t.timeline.title}
      </h2>
      {history.isPending && <Loading />}
      {history.isError && !history.data && (
        <div className="card__body">
          <ProblemView problem={history.error} onRetry={() => void history.refetch()} />
        </div>
      )}
      {history.data &&
        (history.data.length === 0 ? (
          <p className="card__body muted">{t.timeline.empty}</p>
        ) : (
          <ol className="history timeline">
            {history.data.map((step) => (
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
  const comments = useIssueComments(id);
  const add = useAddComment(id);
  const problem = add.error ?? undefined;
  const pending = add.isPending;
  const [ownErrors, setOwnErrors] = useState<FieldErrors>({});
  const [added, setAdded] = useState(false);
  const { inPlace, rest } = splitErrors(problem, ['text']);
  const errors = { ...inPlace, ...ownErrors };
  // Sent with the comment, so a double submit or a resend after a lost answer posts it once.
  const commentKey = useRef(newIdempotencyKey());

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    const text = textOf(new FormData(form), 'text');
    setAdded(false);
    setOwnErrors(text ? {} : { text: [t.form.required] });
    if (!text) {
      add.reset();
      return;
    }
    add.mutate(
      { text, idempotencyKey: commentKey.current },
      {
        onSuccess: () => {
          commentKey.current = keyAfterSend(commentKey.current, { kind: 'ok' }, newIdempotencyKey);
          form.reset();
          setAdded(true);
        },
        onError: (failure) => {
          commentKey.current = keyAfterSend(commentKey.current, { kind: 'problem', problem: failure }, newIdempotencyKey);
        },
      },
    );
  }

  return (
    <section className="card" aria-labelledby="comments-title" data-testid="comments">
      <h2 id="comments-title" className="card__title">
        {t.comments.title}
      </h2>
      <div className="card__body">
        {comments.isPending && <Loading />}
        {comments.isError && !comments.data && <ProblemView problem={comments.error} onRetry={() => void comments.refetch()} />}
        {comments.data &&
          (comments.data.length === 0 ? (
            <p className="muted">{t.comments.empty}</p>
          ) : (
            <ol className="comments">
              {comments.data.map((comment) => (
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
