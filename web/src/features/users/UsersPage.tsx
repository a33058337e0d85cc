import { useState, type FormEvent } from 'react';
import { useSearchParams } from 'react-router';
import type { UserDto } from '../../api/client';
import { ROLES, USER_STATUSES, isOneOf } from '../../api/enums';
import { RoleAgencyFields } from '../agencies/AgencyChoice';
import { Timestamp } from '../../ui/Details';
import { Dialog } from '../../ui/Dialog';
import { Field, FormProblem, mergeErrors, rawOf, splitErrors, textOf, type FieldErrors } from '../../ui/Form';
import { DataTable } from '../../ui/DataTable';
import { FilterBar, SearchField, SelectFilter } from '../../ui/FilterBar';
import { UserStatusBadge } from '../../ui/StatusBadge';
import { useI18n } from '../../i18n';
import { filterNavigation, toQuery } from '../../lib/query';
import { Link } from 'react-router';
import { paths } from '../../lib/paths';
import { useGo } from '../../lib/navigation';
import { useDocumentTitle } from '../../lib/useDocumentTitle';
import { useCreateUser, useUserList, type UserFilters } from './api';
import './users.css';

export function readFilters(search: URLSearchParams): UserFilters {
  const role = search.get('role');
  const status = search.get('status');
  return {
    role: isOneOf(ROLES, role) ? role : undefined,
    status: isOneOf(USER_STATUSES, status) ? status : undefined,
    q: search.get('q')?.trim() || undefined,
  };
}

/** True while a sign-in lock is in force (the API keeps an expired lock time until the next sign-in). */
export function isLocked(user: Pick<UserDto, 'lockedUntil'>, now = Date.now()): boolean {
  return user.lockedUntil != null && Date.parse(user.lockedUntil) > now;
}

export function UsersPage() {
  const { t, name } = useI18n();
  useDocumentTitle(t.users.title);
  const [search] = useSearchParams();
  const navigate = useGo();
  const filters = readFilters(search);
  const key = toQuery(filters).toString();
  const [creating, setCreating] = useState(false);

  const list = useUserList(filters);
  const { apply, submitSearch, reset } = filterNavigation(filters, paths.users, navigate);

  return (
    <div className="page">
      <header className="page__header page__header--actions">
        <div>
          <h1>{t.users.title}</h1>
          <p className="page__intro">{t.users.intro}</p>
        </div>
        <button type="button" className="button button--primary" onClick={() => setCreating(true)} data-testid="user-create">
          {t.users.create}
        </button>
      </header>

      <FilterBar label={t.users.filters.legend} onSubmit={submitSearch} resetLabel={t.users.filters.reset} onReset={key ? reset : undefined}>
        <SelectFilter
          id="f-role"
          label={t.users.filters.role}
          value={filters.role}
          choices={ROLES.map((role) => ({ code: role, label: t.roles[role] }))}
          onChange={(value) => apply({ role: isOneOf(ROLES, value) ? value : undefined })}
        />
        <SelectFilter
          id="f-status"
          label={t.users.filters.status}
          value={filters.status}
          choices={USER_STATUSES.map((status) => ({ code: status, label: t.userStatuses[status] }))}
          onChange={(value) => apply({ status: isOneOf(USER_STATUSES, value) ? value : undefined })}
        />
        <SearchField id="f-q" label={t.users.filters.q} value={filters.q} placeholder={t.users.filters.qPlaceholder} />
      </FilterBar>

      <DataTable
        list={list}
        name="users"
        caption={t.users.caption}
        className="table table--stack"
        columns={[
          t.users.columns.username,
          t.users.columns.displayName,
          t.users.columns.role,
          t.users.columns.agency,
          t.users.columns.status,
          t.users.columns.lastLoginAt,
        ]}
        empty={t.users.empty}
        row={(user) => (
          <tr key={user.id} data-testid="user-row" data-username={user.username}>
            <td>
              <Link to={paths.user(user.id)} className="row-title">
                {user.username}
              </Link>
            </td>
            <td data-label={t.users.columns.displayName}>{user.displayName}</td>
            <td data-label={t.users.columns.role}>{t.roles[user.role] ?? user.role}</td>
            <td data-label={t.users.columns.agency}>
              {user.agency ? name(user.agency) : <span className="muted">{t.common.none}</span>}
            </td>
            <td data-label={t.users.columns.status}>
              <UserStatusBadge status={user.status} />
              {isLocked(user) && <span className="badge badge--locked">{t.users.locked}</span>}
            </td>
            <td data-label={t.users.columns.lastLoginAt}>
              {user.lastLoginAt ? <Timestamp iso={user.lastLoginAt} /> : <span className="muted">{t.userDetail.never}</span>}
            </td>
          </tr>
        )}
      />

      <Dialog open={creating} title={t.users.createTitle} onClose={() => setCreating(false)} testId="user-create-dialog">
        <CreateUserForm onCancel={() => setCreating(false)} onCreated={(user) => navigate(paths.user(user.id))} />
      </Dialog>
    </div>
  );
}

const CREATE_FORM = 'user-create';
const CREATE_FIELDS = ['username', 'displayName', 'role', 'agencyCode', 'password'] as const;

function CreateUserForm({ onCancel, onCreated }: { onCancel: () => void; onCreated: (user: UserDto) => void }) {
  const { t } = useI18n();
  const create = useCreateUser();
  const problem = create.error ?? undefined;
  const pending = create.isPending;
  const [ownErrors, setOwnErrors] = useState<FieldErrors>({});

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    const username = textOf(data, 'username') ?? '';
    const displayName = textOf(data, 'displayName') ?? '';
    const role = textOf(data, 'role');
    const password = rawOf(data, 'password');
    const found: FieldErrors = {};
    if (!username) found.username = [t.form.required];
    if (!displayName) found.displayName = [t.form.required];
    if (!password) found.password = [t.form.required];
    setOwnErrors(found);
    if (Object.keys(found).length > 0 || !isOneOf(ROLES, role)) {
      create.reset();
      return;
    }
    create.mutate({ username, displayName, role, password, agencyCode: textOf(data, 'agencyCode') ?? null }, { onSuccess: onCreated });
  }

  const { inPlace, rest } = splitErrors(problem, CREATE_FIELDS);
  const errors = mergeErrors(ownErrors, inPlace);

  return (
    <form onSubmit={submit} noValidate className="dialog__form" aria-busy={pending}>
      <div className="form__grid form__grid--single">
        <Field form={CREATE_FORM} name="username" label={t.fields.username} errors={errors} required>
          {(p) => <input {...p} type="text" autoComplete="off" autoCapitalize="none" spellCheck={false} maxLength={64} autoFocus />}
        </Field>
        <Field form={CREATE_FORM} name="displayName" label={t.fields.displayName} errors={errors} required>
          {(p) => <input {...p} type="text" autoComplete="off" maxLength={200} />}
        </Field>
        <RoleAgencyFields form={CREATE_FORM} errors={errors} defaultRole="viewer" />
        <Field form={CREATE_FORM} name="password" label={t.fields.password} errors={errors} hint={t.form.passwordPolicy} required>
          {(p) => <input {...p} type="password" autoComplete="new-password" maxLength={128} />}
        </Field>
      </div>
      <FormProblem errors={errors} rest={rest} />
      <div className="dialog__actions">
        <button type="button" className="button" onClick={onCancel}>
          {t.common.cancel}
        </button>
        <button type="submit" className="button button--primary" disabled={pending}>
          {pending ? t.common.saving : t.users.createSubmit}
        </button>
      </div>
    </form>
  );
}
