import { useState, type FormEvent } from 'react';
import { api, type Problem } from '../api/api';
import { Detail } from '../components/Details';
import { Field, FormProblem, Notice, mergeErrors, rawOf, splitErrors, type FieldErrors } from '../components/Form';
import { useI18n } from '../i18n';
import { PERMISSIONS } from '../lib/permissions';
import { Link, paths } from '../lib/router';
import { useMe } from '../lib/session';
import { useDocumentTitle } from '../lib/useDocumentTitle';

const FORM = 'password';
const FIELDS = ['currentPassword', 'newPassword', 'confirmPassword'] as const;

/** The signed-in user's own account: who they are, what they may do, and a new password. */
export function AccountPage() {
  const { t, name } = useI18n();
  useDocumentTitle(t.account.title);
  const me = useMe();
  const permissions = PERMISSIONS.filter((p) => me.permissions.includes(p));

  return (
    <div className="page">
      <header className="page__header">
        <h1>{t.account.title}</h1>
        <p className="page__intro">{t.account.intro}</p>
      </header>

      <section className="card" aria-labelledby="account-profile">
        <h2 id="account-profile" className="card__title">
          {t.account.profile}
        </h2>
        <dl className="details">
          <Detail label={t.account.displayName}>{me.displayName}</Detail>
          <Detail label={t.account.username}>
            <code>{me.name}</code>
          </Detail>
          <Detail label={t.account.role}>
            <span data-testid="account-role">{t.roles[me.role] ?? me.role}</span>
          </Detail>
          <Detail label={t.account.agency}>{me.agency && <Link to={paths.agency(me.agency.code)}>{name(me.agency)}</Link>}</Detail>
          <Detail label={t.account.permissions} wide>
            <ul className="tags" data-testid="account-permissions">
              {permissions.map((permission) => (
                <li key={permission} className="tag" data-permission={permission}>
                  {t.permissions[permission]}
                </li>
              ))}
            </ul>
          </Detail>
        </dl>
      </section>

      {me.actorType === 'user' && me.id !== null && <ChangePasswordForm />}
    </div>
  );
}

function ChangePasswordForm() {
  const { t } = useI18n();
  const [pending, setPending] = useState(false);
  const [problem, setProblem] = useState<Problem>();
  const [ownErrors, setOwnErrors] = useState<FieldErrors>({});
  const [done, setDone] = useState(false);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    const data = new FormData(form);
    const currentPassword = rawOf(data, 'currentPassword');
    const newPassword = rawOf(data, 'newPassword');
    const confirm = rawOf(data, 'confirmPassword');
    const found: FieldErrors = {};
    if (!currentPassword) found.currentPassword = [t.form.required];
    if (!newPassword) found.newPassword = [t.form.required];
    if (newPassword && confirm !== newPassword) found.confirmPassword = [t.account.mismatch];
    setOwnErrors(found);
    setProblem(undefined);
    setDone(false);
    if (Object.keys(found).length > 0) return;

    setPending(true);
    const result = await api.call((clients) => clients.auth.changePassword({ currentPassword, newPassword }));
    setPending(false);
    if (result.kind === 'ok') {
      form.reset();
      setDone(true);
    } else if (result.kind === 'problem') {
      setProblem(result.problem);
    }
  }

  const { inPlace, rest } = splitErrors(problem, FIELDS);
  const errors = mergeErrors(ownErrors, inPlace);

  return (
    <form className="card form form--narrow" onSubmit={submit} noValidate aria-labelledby="change-password" data-testid="change-password-form">
      <h2 id="change-password" className="card__title">
        {t.account.changePassword}
      </h2>
      <div className="form__grid form__grid--single">
        <p className="form__intro">{t.account.changePasswordIntro}</p>
        <Field form={FORM} name="currentPassword" label={t.account.currentPassword} errors={errors} required>
          {(p) => <input {...p} type="password" autoComplete="current-password" maxLength={128} />}
        </Field>
        <Field form={FORM} name="newPassword" label={t.account.newPassword} errors={errors} hint={t.form.passwordPolicy} required>
          {(p) => <input {...p} type="password" autoComplete="new-password" maxLength={128} />}
        </Field>
        <Field form={FORM} name="confirmPassword" label={t.account.confirmPassword} errors={errors} required>
          {(p) => <input {...p} type="password" autoComplete="new-password" maxLength={128} />}
        </Field>
      </div>
      <div className="form__footer">
        {done && <Notice testId="password-changed">{t.account.changed}</Notice>}
        <FormProblem errors={errors} rest={rest} />
        <div className="form__actions">
          <button type="submit" className="button button--primary" disabled={pending}>
            {pending ? t.common.saving : t.account.submit}
          </button>
        </div>
      </div>
    </form>
  );
}
