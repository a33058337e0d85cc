import { useState, type FormEvent } from 'react';
import type { NotificationKind, NotificationLanguage } from '../../api/client';
import { Field, FormProblem, Notice, splitErrors } from '../../ui/Form';
import { Loading } from '../../ui/Loading';
import { ProblemView } from '../../ui/ProblemView';
import { format } from '../../i18n';
import { usePreferences, useSavePreferences } from './api';
import { useNotificationsI18n } from './i18n';
import './notifications.css';

const FORM = 'notification-preferences';
const FIELDS = ['email', 'language', 'emailKinds', 'digest', 'digestHour'] as const;
const KINDS: NotificationKind[] = [
  'issue_routed', 'issue_due_soon', 'issue_due_today', 'issue_overdue', 'issue_moved', 'issue_commented',
  'follow_up_assigned', 'follow_up_due_soon', 'follow_up_due_today', 'follow_up_overdue', 'meeting_convened', 'meeting_cancelled',
  'improvement_due_soon', 'improvement_due_today', 'improvement_overdue', 'final_answer_due_soon', 'final_answer_due_today', 'final_answer_overdue',
  'challenge_ending_soon', 'challenge_ends_today',
  'recommendation_routed', 'recommendation_due_soon', 'recommendation_due_today', 'recommendation_overdue', 'recommendation_moved',
];

/** The account page's notification preferences: address, e-mail language, kinds mailed, daily digest and its hour. */
export default function PreferencesSection() {
  const { t } = useNotificationsI18n();
  const p = t.notifications.preferences;
  const prefs = usePreferences();
  const save = useSavePreferences();
  const [saved, setSaved] = useState(false);

  if (prefs.status === 'pending') return <Loading />;
  if (prefs.error) return <ProblemView problem={prefs.error} onRetry={() => void prefs.refetch()} />;
  const current = prefs.data.value;
  const { inPlace, rest } = splitErrors(save.error ?? undefined, FIELDS);

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    setSaved(false);
    save.mutate(
      {
        etag: prefs.data!.etag,
        body: {
          email: String(data.get('email') ?? '').trim() || null,
          language: String(data.get('language')) as NotificationLanguage,
          emailKinds: KINDS.filter((k) => data.get(`kind-${k}`) === 'on'),
          digest: data.get('digest') === 'on',
          digestHour: Number(data.get('digestHour')),
        },
      },
      { onSuccess: () => setSaved(true) },
    );
  }

  return (
    <section className="card" aria-labelledby="notification-preferences" data-testid="notification-preferences">
      <h2 id="notification-preferences" className="card__title">
        {p.title}
      </h2>
      <form className="card__body form" onSubmit={onSubmit} noValidate key={prefs.data.etag}>
        <p className="page__intro">{p.intro}</p>
        {!current.emailEnabled && <p className="muted">{p.emailOff}</p>}
        <Field name="email" form={FORM} label={p.email} hint={p.emailHint} errors={inPlace}>
          {(control) => <input {...control} type="email" autoComplete="email" defaultValue={current.email ?? ''} />}
        </Field>
        <Field name="language" form={FORM} label={p.language} errors={inPlace} required>
          {(control) => (
            <select {...control} defaultValue={current.language}>
              <option value="ko">{p.languages.ko}</option>
              <option value="en">{p.languages.en}</option>
            </select>
          )}
        </Field>
        <fieldset className="prefs-kinds">
          <legend>{p.kinds}</legend>
          {KINDS.map((k) => (
            <label key={k} className="checkbox">
              <input type="checkbox" name={`kind-${k}`} defaultChecked={current.emailKinds.includes(k)} /> {t.notifications.kinds[k]}
            </label>
          ))}
        </fieldset>
        <label className="checkbox">
          <input type="checkbox" name="digest" defaultChecked={current.digest} data-testid="notification-digest" /> {p.digest}
        </label>
        <Field name="digestHour" form={FORM} label={p.digestHour} errors={inPlace} required>
          {(control) => (
            <select {...control} defaultValue={current.digestHour}>
              {Array.from({ length: 24 }, (_, hour) => (
                <option key={hour} value={hour}>
                  {format(p.hour, { hour })}
                </option>
              ))}
            </select>
          )}
        </Field>
        <FormProblem errors={inPlace} rest={rest} />
        {saved && <Notice testId="notification-preferences-saved">{p.saved}</Notice>}
        <button type="submit" className="button" disabled={save.isPending}>
          {p.save}
        </button>
      </form>
    </section>
  );
}
