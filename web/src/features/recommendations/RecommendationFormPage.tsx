import { useState, type FormEvent } from 'react';
import { useNavigate } from 'react-router';
import { paths } from '../../lib/paths';
import { can } from '../../lib/permissions';
import { useDocumentTitle } from '../../lib/useDocumentTitle';
import { Field, FormProblem, mergeErrors, splitErrors, type FieldErrors } from '../../ui/Form';
import { useAgencyChoices } from '../agencies/AgencyChoice';
import { useMe } from '../auth/session';
import { useClusterChoices, useMinistryChoices } from '../issues/IssueChoices';
import { useRaiseRecommendation } from './api';
import { useRecommendationsI18n } from './i18n';
import { raiseRequest, type RaiseValues } from './recommendations';

const FIELDS = ['themeKo', 'themeEn', 'text', 'leadMinistryCode', 'otherMinistryCodes', 'clusterCodes', 'raisedByCode', 'sourceMeetingId', 'sourceAgendaItemId'] as const;

/**
 * Raise a recommendation: an operator for its own agency; the secretariat names the operator it records it for
 * (registry:write stands in for "the secretariat", as on the issue form).
 */
export function RecommendationNewPage() {
  const { t } = useRecommendationsI18n();
  const f = t.recommendationForm;
  useDocumentTitle(f.title);
  const me = useMe();
  const choosesRaiser = can(me, 'registry:write');
  const navigate = useNavigate();
  const raise = useRaiseRecommendation();
  const ministries = useMinistryChoices();
  const clusters = useClusterChoices();
  const agencies = useAgencyChoices();
  const operators = (agencies.data ?? []).filter((a) => a.kind === 'cluster_operator');
  const [ownErrors, setOwnErrors] = useState<FieldErrors>({});
  const { inPlace, rest } = splitErrors(raise.error ?? undefined, FIELDS);
  const errors = mergeErrors(ownErrors, inPlace);
  const form = 'recommendation-new';

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    const text = (name: string) => String(data.get(name) ?? '');
    const values: RaiseValues = {
      themeKo: text('themeKo'),
      themeEn: text('themeEn'),
      text: text('text'),
      leadMinistryCode: text('leadMinistryCode'),
      otherMinistryCodes: data.getAll('otherMinistryCodes').map(String),
      clusterCodes: data.getAll('clusterCodes').map(String),
      raisedByCode: text('raisedByCode'),
      sourceMeetingId: text('sourceMeetingId'),
      sourceAgendaItemId: text('sourceAgendaItemId'),
    };
    const { body, missing } = raiseRequest(values, choosesRaiser);
    setOwnErrors(Object.fromEntries(missing.map((m) => [m, [f.required]])));
    if (!body) return raise.reset();
    raise.mutate(body, { onSuccess: (created) => void navigate(paths.recommendation(created.id)) });
  }

  return (
    <div className="page">
      <header className="page__header">
        <h1>{f.title}</h1>
        <p className="page__intro">{f.intro}</p>
      </header>
      <form className="form card card__body" onSubmit={submit} noValidate aria-busy={raise.isPending} data-testid="recommendation-form">
        <div className="form__grid">
          {choosesRaiser && (
            <Field form={form} name="raisedByCode" label={f.raisedByCode} errors={errors} required>
              {(p) => (
                <select {...p} defaultValue="">
                  <option value="">{f.choose}</option>
                  {operators.map((a) => (
                    <option key={a.code} value={a.code}>
                      {a.label}
                    </option>
                  ))}
                </select>
              )}
            </Field>
          )}
          <Field form={form} name="themeKo" label={f.themeKo} errors={errors} required wide>
            {(p) => <input {...p} maxLength={200} />}
          </Field>
          <Field form={form} name="themeEn" label={f.themeEn} errors={errors} wide>
            {(p) => <input {...p} maxLength={200} lang="en" />}
          </Field>
          <Field form={form} name="text" label={f.text} errors={errors} required wide>
            {(p) => <textarea {...p} rows={6} maxLength={8000} />}
          </Field>
          <Field form={form} name="leadMinistryCode" label={f.leadMinistryCode} errors={errors} required>
            {(p) => (
              <select {...p} defaultValue="">
                <option value="">{f.choose}</option>
                {(ministries.data ?? []).map((m) => (
                  <option key={m.code} value={m.code}>
                    {m.label}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <Field form={form} name="otherMinistryCodes" label={f.otherMinistryCodes} errors={errors}>
            {(p) => (
              <select {...p} multiple size={5}>
                {(ministries.data ?? []).map((m) => (
                  <option key={m.code} value={m.code}>
                    {m.label}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <Field form={form} name="clusterCodes" label={f.clusterCodes} errors={errors}>
            {(p) => (
              <select {...p} multiple size={5}>
                {(clusters.data ?? []).map((c) => (
                  <option key={c.code} value={c.code}>
                    {c.label}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <Field form={form} name="sourceMeetingId" label={f.sourceMeetingId} errors={errors}>
            {(p) => <input {...p} inputMode="numeric" />}
          </Field>
          <Field form={form} name="sourceAgendaItemId" label={f.sourceAgendaItemId} errors={errors}>
            {(p) => <input {...p} inputMode="numeric" />}
          </Field>
        </div>
        <div className="form__footer">
          <FormProblem errors={errors} rest={rest} />
          <div className="form__actions">
            <button type="submit" className="button button--primary" disabled={raise.isPending} data-testid="recommendation-submit">
              {raise.isPending ? f.submitting : f.submit}
            </button>
          </div>
        </div>
      </form>
    </div>
  );
}
