import { Detail } from '../../ui/Details';
import { rawOf, type FieldErrors } from '../../ui/Form';
import { PasswordField, PasswordForm } from '../../ui/PasswordForm';
import { useI18n } from '../../i18n';
import { PERMISSIONS } from '../../lib/permissions';
import { Link } from 'react-router';
import { paths } from '../../lib/paths';
import { useMe } from '../auth/session';
import { useDocumentTitle } from '../../lib/useDocumentTitle';
import './account.css';
import { CalendarFeedsSection } from './CalendarFeedsSection';
import PreferencesSection from '../notifications/PreferencesSection';

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

      {me.actorType === 'user' && me.id !== null && me.permissions.includes('notifications:own') && <PreferencesSection />}
      {me.actorType === 'user' && me.id !== null && <ChangePasswordForm />}
      {/* A feed belongs to a BioCluster account (single sign-on callers have none to own it) that reads the council. */}
      {me.actorType === 'user' && me.id !== null && me.permissions.includes('council:read') && <CalendarFeedsSection />}
    </div>
  );
}

function ChangePasswordForm() {
  const { t } = useI18n();
  return (
    <PasswordForm
      titleId="change-password"
      title={t.account.changePassword}
      intro={t.account.changePasswordIntro}
      className="card form form--narrow"
      testId="change-password-form"
      submitLabel={t.account.submit}
      fields={FIELDS}
      validate={(data) => {
        const newPassword = rawOf(data, 'newPassword');
        const found: FieldErrors = {};
        if (!rawOf(data, 'currentPassword')) found.currentPassword = [t.form.required];
        if (!newPassword) found.newPassword = [t.form.required];
        if (newPassword && rawOf(data, 'confirmPassword') !== newPassword) found.confirmPassword = [t.account.mismatch];
        return found;
      }}
      save={(data) => (clients) =>
        clients.auth.changePassword({ currentPassword: rawOf(data, 'currentPassword'), newPassword: rawOf(data, 'newPassword') })
      }
      savedNotice={{ text: t.account.changed, testId: 'password-changed' }}
    >
      {(errors) => (
        <>
          <PasswordField form={FORM} name="currentPassword" label={t.account.currentPassword} errors={errors} autoComplete="current-password" />
          <PasswordField
            form={FORM}
            name="newPassword"
            label={t.account.newPassword}
            errors={errors}
            hint={t.form.passwordPolicy}
            autoComplete="new-password"
          />
          <PasswordField form={FORM} name="confirmPassword" label={t.account.confirmPassword} errors={errors} autoComplete="new-password" />
        </>
      )}
    </PasswordForm>
  );
}
