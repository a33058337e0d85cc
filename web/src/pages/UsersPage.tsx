import { useState, type FormEvent } from 'react';
import { api, type Problem } from '../api/api';
import type { UserDto } from '../api/client';
import { ROLES, USER_STATUSES, isOneOf } from '../api/enums';
import { RoleAgencyFields } from '../components/AgencyChoice';
import { Timestamp } from '../components/Details';
import { Dialog } from '../components/Dialog';
import { Field, FormProblem, mergeErrors, rawOf, splitErrors, textOf, type FieldErrors } from '../components/Form';
import { ListFooter, countSummary } from '../components/ListFooter';
import { Loading } from '../components/Loading';
import { ProblemView } from '../components/ProblemView';
import { UserStatusBadge } from '../components/StatusBadge';
import { useI18n } from '../i18n';
import { usePagedList } from '../lib/remote';
import { toQuery, textField } from '../lib/query';
import { Link, navigate, paths } from '../lib/router';
import { useDocumentTitle } from '../lib/useDocumentTitle';

const PAGE_SIZE = 50;
const MAX_QUERY_LENGTH = 200;

function readFilters(search: URLSearchParams) {
  const role = search.get('role');
  const status = search.get('status');
  return {
    role: isOneOf(ROLES, role) ? role : undefined,
    status: isOneOf(USER_STATUSES, status) ? status : undefined,
    q: search.get('q')?.trim() || undefined,
  };
}
type Filters = ReturnType<typeof readFilters>;

/** True while a sign-in lock is in force (the API keeps an expired lock time until the next sign-in). */
export function isLocked(user: Pick<UserDto, 'lockedUntil'>, now = Date.now()): boolean {
  return user.lockedUntil != null && Date.parse(user.lockedUntil) > now;
}

export function UsersPage({ search }: { search: URLSearchParams }) {
  const { t, name, fmt } = useI18n();
  useDocumentTitle(t.users.title);
  const filters = readFilters(search);
  const key = toQuery(filters).toString();
  const [creating, setCreating] = useState(false);

  const list = usePagedList<UserDto>(`users:${key}`, (clients, cursor) =>
    clients.users.listUsers(
      filters.role ? [filters.role] : undefined,
      filters.status ? [filters.status] : undefined,
      filters.q,
      undefined,
      PAGE_SIZE,
      cursor,
    ),
  );

  function apply(next: Partial<Filters>) {
    navigate(paths.users(toQuery({ ...filters, ...next })), { keepScroll: true });
  }

  function submitSearch(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    apply({ q: textField(event.currentTarget, 'q') });
  }

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

      <form className="filters" role="search" onSubmit={submitSearch} aria-label={t.users.filters.legend}>
        <div className="field">
          <label htmlFor="f-role">{t.users.filters.role}</label>
          <select
            id="f-role"
            value={filters.role ?? ''}
            onChange={(e) => apply({ role: isOneOf(ROLES, e.target.value) ? e.target.value : undefined })}
          >
            <option value="">{t.common.all}</option>
            {ROLES.map((role) => (
              <option key={role} value={role}>
                {t.roles[role]}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="f-status">{t.users.filters.status}</label>
          <select
            id="f-status"
            value={filters.status ?? ''}
            onChange={(e) => apply({ status: isOneOf(USER_STATUSES, e.target.value) ? e.target.value : undefined })}
          >
            <option value="">{t.common.all}</option>
            {USER_STATUSES.map((status) => (
              <option key={status} value={status}>
                {t.userStatuses[status]}
              </option>
            ))}
          </select>
        </div>
        <div className="field field--grow">
          <label htmlFor="f-q">{t.users.filters.q}</label>
          <div className="search-box">
            <input
              id="f-q"
              name="q"
              type="search"
              key={filters.q ?? ''}
              defaultValue={filters.q ?? ''}
              placeholder={t.users.filters.qPlaceholder}
              autoComplete="off"
              maxLength={MAX_QUERY_LENGTH}
            />
            <button type="submit" className="button button--primary">
              {t.common.search}
            </button>
          </div>
        </div>
        {key && (
          <button type="button" className="button button--link filters__reset" onClick={() => navigate(paths.users(), { keepScroll: true })}>
            {t.users.filters.reset}
          </button>
        )}
      </form>

      {list.first.state === 'loading' && <Loading />}
      {list.first.state === 'problem' && <ProblemView problem={list.first.problem} onRetry={list.retry} />}
      {list.first.state === 'ok' && (
        <section className="card" aria-labelledby="users-caption">
          <div className="table-wrap">
            <table className="table table--stack">
              <caption id="users-caption" className="visually-hidden">
                {t.users.caption}
              </caption>
              <thead>
                <tr>
                  <th scope="col">{t.users.columns.username}</th>
                  <th scope="col">{t.users.columns.displayName}</th>
                  <th scope="col">{t.users.columns.role}</th>
                  <th scope="col">{t.users.columns.agency}</th>
                  <th scope="col">{t.users.columns.status}</th>
                  <th scope="col">{t.users.columns.lastLoginAt}</th>
                </tr>
              </thead>
              <tbody>
                {list.items.map((user) => (
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
                ))}
                {list.items.length === 0 && (
                  <tr>
                    <td colSpan={6} className="table__empty">
                      {t.users.empty}
                    </td>
                  </tr>
                )}
              </tbody>
            </table>
          </div>
          <ListFooter
            hasMore={list.hasMore}
            loadingMore={list.loadingMore}
            problem={list.moreProblem}
            onLoadMore={list.loadMore}
            summary={countSummary(t, fmt, list.items.length, list.totalCount)}
          />
        </section>
      )}

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
  const [pending, setPending] = useState(false);
  const [problem, setProblem] = useState<Problem>();
  const [ownErrors, setOwnErrors] = useState<FieldErrors>({});

  async function submit(event: FormEvent<HTMLFormElement>) {
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
    setProblem(undefined);
    if (Object.keys(found).length > 0 || !isOneOf(ROLES, role)) return;

    setPending(true);
    const result = await api.call((clients) =>
      clients.users.createUser({ username, displayName, role, password, agencyCode: textOf(data, 'agencyCode') ?? null }),
    );
    setPending(false);
    if (result.kind === 'ok') onCreated(result.value);
    else if (result.kind === 'problem') setProblem(result.problem);
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
