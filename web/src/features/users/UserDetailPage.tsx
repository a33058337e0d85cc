import { useState, type FormEvent } from 'react';
import { useParams } from 'react-router';
import type { Versioned } from '../../api/api';
import type { UserDto } from '../../api/client';
import { ROLES, USER_STATUSES, isOneOf } from '../../api/enums';
import { RoleAgencyFields } from '../agencies/AgencyChoice';
import { Breadcrumb } from '../../ui/Breadcrumb';
import { Detail, Timestamp } from '../../ui/Details';
import { Field, FormProblem, Notice, mergeErrors, rawOf, splitErrors, textOf, type FieldErrors } from '../../ui/Form';
import { HistorySection } from '../audit/History';
import { PasswordField, PasswordForm } from '../../ui/PasswordForm';
import { ProblemView } from '../../ui/ProblemView';
import { QueryStatus } from '../../ui/QueryStatus';
import { UserStatusBadge } from '../../ui/StatusBadge';
import { useI18n } from '../../i18n';
import { formatTimestamp } from '../../lib/format';
import { Link } from 'react-router';
import { paths } from '../../lib/paths';
import { useMe } from '../auth/session';
import { useDocumentTitle } from '../../lib/useDocumentTitle';
import { isLocked } from './UsersPage';
import { useReplaceUser, useUnlockUser, useUser, userKeys } from './api';
import { getUserHistory } from '../../api/operations';
import './users.css';

export function UserDetailPage() {
  const { t, fmt } = useI18n();
  const id = Number(useParams().id);
  const [notice, setNotice] = useState<string>();
  // Every change here moves the account's version: its mutation refetches the account (the next ETag).
  const query = useUser(id);
  const loaded = query.data;
  const user = loaded?.value;
  useDocumentTitle(user ? user.displayName : t.users.title);
  const reload = () => void query.refetch();
  const changed = (message: string) => setNotice(message);

  return (
    <div className="page">
      <Breadcrumb links={[{ to: paths.users(), label: t.userDetail.backToList }]} current={user ? user.username : id} />

      {notice && <Notice testId="user-notice">{notice}</Notice>}
      <QueryStatus query={query} notFound={fmt(t.userDetail.notFound, { id })} />
      {loaded && (
        <article className="detail" data-testid="user-detail">
          <UserSummary user={loaded.value} />
          <div className="detail__columns">
            <EditUserForm key={loaded.etag} loaded={loaded} onSaved={() => changed(t.userDetail.saved)} onReload={reload} />
            <div className="detail__stack">
              <LockSection user={loaded.value} onUnlocked={() => changed(t.userDetail.unlocked)} />
              <SetPasswordForm user={loaded.value} onSet={() => changed(t.userDetail.passwordSet)} />
            </div>
          </div>
          <HistorySection
            queryKey={userKeys.history(id)}
            fetchPage={(clients, limit, cursor) => getUserHistory(clients.users, { id, limit, cursor })}
          />
        </article>
      )}
    </div>
  );
}

function UserSummary({ user }: { user: UserDto }) {
  const { t, name } = useI18n();
  return (
    <>
      <header className="detail__header">
        <div>
          <h1 data-testid="user-name">{user.displayName}</h1>
          <p className="detail__subtitle">
            <code>{user.username}</code>
          </p>
        </div>
        <div className="detail__meta">
          <span className="badge badge--kind">{t.roles[user.role] ?? user.role}</span>
          <UserStatusBadge status={user.status} />
          {isLocked(user) && <span className="badge badge--locked">{t.users.locked}</span>}
        </div>
      </header>
      <section className="card" aria-labelledby="user-summary">
        <h2 id="user-summary" className="card__title">
          {t.userDetail.summary}
        </h2>
        <dl className="details">
          <Detail label={t.fields.username}>
            <code>{user.username}</code>
          </Detail>
          <Detail label={t.fields.displayName}>{user.displayName}</Detail>
          <Detail label={t.fields.role}>{t.roles[user.role] ?? user.role}</Detail>
          <Detail label={t.fields.agency}>{user.agency && <Link to={paths.agency(user.agency.code)}>{name(user.agency)}</Link>}</Detail>
          <Detail label={t.fields.lastLoginAt}>{user.lastLoginAt ? <Timestamp iso={user.lastLoginAt} /> : t.userDetail.never}</Detail>
          <Detail label={t.common.status}>
            <UserStatusBadge status={user.status} />
          </Detail>
          <Detail label={t.common.createdAt}>
            <Timestamp iso={user.createdAt} />
          </Detail>
          <Detail label={t.common.updatedAt}>
            <Timestamp iso={user.updatedAt} />
          </Detail>
        </dl>
      </section>
    </>
  );
}

const EDIT_FORM = 'user-edit';
const EDIT_FIELDS = ['displayName', 'role', 'status', 'agencyCode'] as const;

function EditUserForm({ loaded, onSaved, onReload }: { loaded: Versioned<UserDto>; onSaved: () => void; onReload: () => void }) {
  const { t } = useI18n();
  const me = useMe();
  const user = loaded.value;
  // The API refuses an administrator demoting or disabling themselves; do not offer it.
  const self = me.id === user.id;
  const save = useReplaceUser();
  const problem = save.error ?? undefined;
  const pending = save.isPending;
  const [ownErrors, setOwnErrors] = useState<FieldErrors>({});

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    const displayName = textOf(data, 'displayName');
    const role = textOf(data, 'role');
    const status = textOf(data, 'status');
    const found: FieldErrors = {};
    if (!displayName) found.displayName = [t.form.required];
    setOwnErrors(found);
    if (!displayName || !isOneOf(ROLES, role) || !isOneOf(USER_STATUSES, status)) {
      save.reset();
      return;
    }
    save.mutate({ loaded, body: { displayName, role, status, agencyCode: textOf(data, 'agencyCode') ?? null } }, { onSuccess: onSaved });
  }

  const stale = problem?.status === 412;
  const { inPlace, rest } = splitErrors(stale ? undefined : problem, EDIT_FIELDS);
  const errors = mergeErrors(ownErrors, inPlace);

  return (
    <form className="card form" onSubmit={submit} noValidate aria-labelledby="user-edit" data-testid="user-edit-form" aria-busy={pending}>
      <h2 id="user-edit" className="card__title">
        {t.userDetail.edit}
      </h2>
      <div className="form__grid form__grid--single">
        <Field form={EDIT_FORM} name="displayName" label={t.fields.displayName} errors={errors} required>
          {(p) => <input {...p} type="text" defaultValue={user.displayName} maxLength={200} />}
        </Field>
        <RoleAgencyFields form={EDIT_FORM} errors={errors} defaultRole={user.role} defaultAgencyCode={user.agency?.code} roleLocked={self} />
        <Field form={EDIT_FORM} name="status" label={t.fields.status} errors={errors} required>
          {(p) => (
            <>
              <select {...p} defaultValue={user.status} disabled={self}>
                {USER_STATUSES.map((status) => (
                  <option key={status} value={status}>
                    {t.userStatuses[status]}
                  </option>
                ))}
              </select>
              {self && <input type="hidden" name="status" value={user.status} />}
            </>
          )}
        </Field>
      </div>
      <div className="form__footer">
        {stale ? (
          <div className="problem" role="alert" data-testid="stale-notice">
            <p className="problem__message">{t.userDetail.stale}</p>
            <button type="button" className="button" onClick={onReload}>
              {t.userDetail.reload}
            </button>
          </div>
        ) : (
          <FormProblem errors={errors} rest={rest} />
        )}
        <div className="form__actions">
          <button type="submit" className="button button--primary" disabled={pending}>
            {pending ? t.common.saving : t.common.save}
          </button>
        </div>
      </div>
    </form>
  );
}

function LockSection({ user, onUnlocked }: { user: UserDto; onUnlocked: () => void }) {
  const { t, fmt, locale } = useI18n();
  const unlocking = useUnlockUser();
  const problem = unlocking.error ?? undefined;
  const pending = unlocking.isPending;
  const locked = isLocked(user);

  function unlock() {
    unlocking.mutate(user.id, { onSuccess: onUnlocked });
  }

  return (
    <section className="card" aria-labelledby="user-lock">
      <h2 id="user-lock" className="card__title">
        {t.userDetail.lock}
      </h2>
      <div className="card__body">
        <p data-testid="lock-state">
          {locked && user.lockedUntil
            ? fmt(t.userDetail.lockedUntil, { time: formatTimestamp(locale, user.lockedUntil) })
            : t.userDetail.notLocked}
        </p>
        {problem && <ProblemView problem={problem} />}
        {locked && (
          <button type="button" className="button" onClick={unlock} disabled={pending} data-testid="unlock">
            {t.userDetail.unlock}
          </button>
        )}
      </div>
    </section>
  );
}

const PASSWORD_FORM = 'user-password';

function SetPasswordForm({ user, onSet }: { user: UserDto; onSet: () => void }) {
  const { t } = useI18n();
  return (
    <PasswordForm
      titleId="user-password"
      title={t.userDetail.setPassword}
      intro={t.userDetail.setPasswordIntro}
      className="card form"
      testId="set-password-form"
      submitLabel={t.userDetail.setPassword}
      fields={['newPassword']}
      validate={(data): FieldErrors => (rawOf(data, 'newPassword') ? {} : { newPassword: [t.form.required] })}
      save={(data) => (clients) => clients.users.setUserPassword(user.id, { newPassword: rawOf(data, 'newPassword') })}
      invalidates={userKeys.all}
      onSaved={onSet}
    >
      {(errors) => (
        <PasswordField
          form={PASSWORD_FORM}
          name="newPassword"
          label={t.account.newPassword}
          errors={errors}
          hint={t.form.passwordPolicy}
          autoComplete="new-password"
        />
      )}
    </PasswordForm>
  );
}
