import { useRef, useState, type FormEvent } from 'react';
import type { CalendarFeedDto, CalendarFeedScope, CreatedCalendarFeedDto } from '../../api/client';
import { Timestamp } from '../../ui/Details';
import { Dialog } from '../../ui/Dialog';
import { Field, FormProblem, Notice, mergeErrors, splitErrors, textOf, type FieldErrors } from '../../ui/Form';
import { DataTable } from '../../ui/DataTable';
import { ProblemView } from '../../ui/ProblemView';
import { useI18n } from '../../i18n';
import { useCalendarFeedList, useCouncilBodies, useCreateCalendarFeed, useRevokeCalendarFeed } from './api';

/** The caller's own calendar feeds of council meetings: make one, copy its address once, revoke it. */
export function CalendarFeedsSection() {
  const { t } = useI18n();
  const c = t.account.calendar;
  const list = useCalendarFeedList();
  const [created, setCreated] = useState<CreatedCalendarFeedDto>();
  const [revoking, setRevoking] = useState<CalendarFeedDto>();
  const [notice, setNotice] = useState<string>();

  return (
    <section className="card" aria-labelledby="calendar-feeds" data-testid="calendar-feeds">
      <h2 id="calendar-feeds" className="card__title">
        {c.title}
      </h2>
      <div className="card__body">
        <p className="page__intro">{c.intro}</p>
        <CreateFeedForm
          onCreated={(result) => {
            setNotice(undefined);
            setCreated(result);
          }}
        />
        {notice && <Notice testId="calendar-feed-notice">{notice}</Notice>}
      </div>
      <DataTable
        list={list}
        name="calendar-feeds"
        caption={c.caption}
        className="table table--stack"
        columns={[c.columns.scope, c.columns.status, c.columns.createdAt, c.columns.lastUsedAt, c.columns.actions]}
        empty={c.empty}
        row={(feed) => (
          <tr key={feed.id} data-testid="calendar-feed-row" data-status={feed.status}>
            <td className="row-title">{feed.scope === 'body' ? `${c.scopes.body}: ${feed.bodyNameKo ?? feed.bodyCode ?? ''}` : c.scopes.person}</td>
            <td data-label={c.columns.status}>
              <span className={`badge badge--${feed.status}`}>{c.statuses[feed.status]}</span>
            </td>
            <td data-label={c.columns.createdAt}>
              <Timestamp iso={feed.createdAt} />
            </td>
            <td data-label={c.columns.lastUsedAt}>{feed.lastUsedAt ? <Timestamp iso={feed.lastUsedAt} /> : <span className="muted">{c.neverUsed}</span>}</td>
            <td data-label={c.columns.actions}>
              {feed.status === 'active' && (
                <button type="button" className="button button--danger button--small" onClick={() => setRevoking(feed)} data-testid="calendar-feed-revoke">
                  {c.revoke}
                </button>
              )}
            </td>
          </tr>
        )}
      />

      {/* The address holds the token: it lives only in this state, and closing the dialog drops it for good. */}
      <Dialog open={created !== undefined} title={c.urlTitle} onClose={() => setCreated(undefined)} testId="calendar-feed-url-dialog" requireChoice>
        {created && <FeedUrlView created={created} onDone={() => setCreated(undefined)} />}
      </Dialog>

      <Dialog open={revoking !== undefined} title={c.revokeTitle} onClose={() => setRevoking(undefined)} testId="calendar-feed-revoke-dialog" tone="danger">
        {revoking && (
          <RevokeConfirm
            feed={revoking}
            onCancel={() => setRevoking(undefined)}
            onRevoked={() => {
              setNotice(c.revoked);
              setRevoking(undefined);
            }}
          />
        )}
      </Dialog>
    </section>
  );
}

const FORM = 'calendar-feed';
const FIELDS = ['scope', 'bodyCode'] as const;

function CreateFeedForm({ onCreated }: { onCreated: (created: CreatedCalendarFeedDto) => void }) {
  const { t, name } = useI18n();
  const c = t.account.calendar;
  const bodies = useCouncilBodies();
  const create = useCreateCalendarFeed();
  const [scope, setScope] = useState<CalendarFeedScope>('body');
  const [ownErrors, setOwnErrors] = useState<FieldErrors>({});

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const bodyCode = scope === 'body' ? textOf(new FormData(event.currentTarget), 'bodyCode') : undefined;
    const found: FieldErrors = scope === 'body' && !bodyCode ? { bodyCode: [t.form.required] } : {};
    setOwnErrors(found);
    if (Object.keys(found).length > 0) {
      create.reset();
      return;
    }
    create.mutate(
      { scope, bodyCode: bodyCode ?? null },
      {
        onSuccess: (result) => {
          onCreated(result);
          create.reset();
        },
      },
    );
  }

  const { inPlace, rest } = splitErrors(create.error ?? undefined, FIELDS);
  const errors = mergeErrors(ownErrors, inPlace);
  return (
    <form onSubmit={submit} noValidate className="form" aria-busy={create.isPending} data-testid="calendar-feed-form">
      <div className="form__grid">
        <fieldset className="form-field checkbox-group">
          <legend>{c.scope}</legend>
          {(['body', 'person'] as const).map((value) => (
            <label key={value} className="checkbox">
              <input type="radio" name="scope" value={value} checked={scope === value} onChange={() => setScope(value)} data-testid={`calendar-scope-${value}`} />
              <span>
                <strong>{c.scopes[value]}</strong> <span className="muted">— {c.scopeHints[value]}</span>
              </span>
            </label>
          ))}
          {errors.scope && (
            <p className="form-field__error" data-testid="field-error">
              {errors.scope.join(' ')}
            </p>
          )}
        </fieldset>
        {scope === 'body' && (
          <Field form={FORM} name="bodyCode" label={c.body} errors={errors} required>
            {(p) => (
              <select {...p} defaultValue="council" data-testid="calendar-feed-body">
                {(bodies.data ?? [{ code: 'council', nameKo: c.council, nameEn: null }]).map((body) => (
                  <option key={body.code} value={body.code}>
                    {name(body)}
                  </option>
                ))}
              </select>
            )}
          </Field>
        )}
      </div>
      <FormProblem errors={errors} rest={rest} />
      <div className="form__actions">
        <button type="submit" className="button button--primary" disabled={create.isPending} data-testid="calendar-feed-create">
          {create.isPending ? t.common.saving : c.create}
        </button>
      </div>
    </form>
  );
}

/** The one and only showing of a new feed's address (which holds its token). */
function FeedUrlView({ created, onDone }: { created: CreatedCalendarFeedDto; onDone: () => void }) {
  const { t } = useI18n();
  const c = t.account.calendar;
  const ref = useRef<HTMLInputElement>(null);
  const [copy, setCopy] = useState<'copied' | 'failed'>();

  async function copyUrl() {
    try {
      await navigator.clipboard.writeText(created.feedUrl);
      setCopy('copied');
    } catch {
      // No clipboard (permissions, an insecure origin): select it so Ctrl+C works.
      ref.current?.select();
      setCopy('failed');
    }
  }

  return (
    <div className="secret">
      <p className="secret__warning" role="alert">
        {c.urlWarning}
      </p>
      <label htmlFor="calendar-feed-url" className="secret__label">
        {c.urlLabel}
      </label>
      <div className="secret__row">
        <input
          id="calendar-feed-url"
          ref={ref}
          className="secret__value"
          type="text"
          readOnly
          value={created.feedUrl}
          spellCheck={false}
          autoComplete="off"
          onFocus={(event) => event.currentTarget.select()}
          data-testid="calendar-feed-url"
        />
        <button type="button" className="button" onClick={copyUrl} data-testid="calendar-feed-copy">
          {c.copy}
        </button>
      </div>
      <p className="secret__copy" role="status">
        {copy === 'copied' ? c.copied : copy === 'failed' ? c.copyFailed : ''}
      </p>
      <div className="dialog__actions">
        <button type="button" className="button button--primary" onClick={onDone} data-testid="calendar-feed-url-done">
          {c.urlDone}
        </button>
      </div>
    </div>
  );
}

function RevokeConfirm({ feed, onCancel, onRevoked }: { feed: CalendarFeedDto; onCancel: () => void; onRevoked: () => void }) {
  const { t } = useI18n();
  const c = t.account.calendar;
  const revoking = useRevokeCalendarFeed();
  return (
    <div>
      <p>{c.revokeConfirm}</p>
      {revoking.error && <ProblemView problem={revoking.error} />}
      <div className="dialog__actions">
        <button type="button" className="button" onClick={onCancel} autoFocus>
          {t.common.cancel}
        </button>
        <button
          type="button"
          className="button button--danger"
          onClick={() => revoking.mutate(feed.id, { onSuccess: onRevoked })}
          disabled={revoking.isPending}
          data-testid="calendar-feed-revoke-confirm"
        >
          {revoking.isPending ? c.revoking : c.revoke}
        </button>
      </div>
    </div>
  );
}
