import { useState, type FormEvent } from 'react';
import { useNavigate, useParams, useSearchParams } from 'react-router';
import type { Versioned } from '../../api/api';
import type { PolicyRecommendationDto } from '../../api/client';
import { paths } from '../../lib/paths';
import { can } from '../../lib/permissions';
import { useDocumentTitle } from '../../lib/useDocumentTitle';
import { Field, FormProblem, mergeErrors, splitErrors, type FieldErrors } from '../../ui/Form';
import { Loading } from '../../ui/Loading';
import { ProblemView } from '../../ui/ProblemView';
import { useAgencyChoices } from '../agencies/AgencyChoice';
import { useMe } from '../auth/session';
import { useClusterChoices, useMinistryChoices } from '../issues/IssueChoices';
import { useRaiseRecommendation, useRecommendation, useReplaceRecommendation } from './api';
import { useRecommendationsI18n } from './i18n';
import { canEditRecommendation, editValues, raiseRequest, updateRequest, type RaiseValues } from './recommendations';

const FIELDS = ['themeKo', 'themeEn', 'text', 'leadMinistryCode', 'otherMinistryCodes', 'clusterCodes', 'raisedByCode', 'sourceMeetingId', 'sourceAgendaItemId'] as const;

/**
 * Raise a recommendation: an operator for its own agency; the secretariat names the operator it records it for
 * (registry:write stands in for "the secretariat", as on the issue form).
 */
export function RecommendationNewPage() {
  const { t } = useRecommendationsI18n();
  const f = t.recommendationForm;
  useDocumentTitle(f.title);
  return (
    <div className="page">
      <header className="page__header">
        <h1>{f.title}</h1>
        <p className="page__intro">{f.intro}</p>
      </header>
      <RecommendationForm />
    </div>
  );
}

/** Edit a submitted recommendation's description (PUT with If-Match, audited by the API): the raising agency or the secretariat. */
export function RecommendationEditPage() {
  const { t } = useRecommendationsI18n();
  const f = t.recommendationForm;
  useDocumentTitle(f.editTitle);
  const id = Number(useParams().id);
  const me = useMe();
  const query = useRecommendation(id);
  const editor = { raises: can(me, 'recommendations:raise'), manages: can(me, 'registry:write'), agencyId: me?.agency?.id };
  return (
    <div className="page">
      <header className="page__header">
        <h1>{f.editTitle}</h1>
        <p className="page__intro">{f.editIntro}</p>
      </header>
      {query.isPending ? (
        <Loading />
      ) : query.error ? (
        <ProblemView problem={query.error} onRetry={() => void query.refetch()} />
      ) : canEditRecommendation(editor, query.data.value) ? (
        <RecommendationForm key={query.data.etag} loaded={query.data} onReload={() => void query.refetch()} />
      ) : (
        <ProblemView problem={{ status: 409, title: 'Conflict' }} message={f.notAllowed} />
      )}
    </div>
  );
}

function RecommendationForm({ loaded, onReload }: { loaded?: Versioned<PolicyRecommendationDto>; onReload?: () => void }) {
  const { t } = useRecommendationsI18n();
  const f = t.recommendationForm;
  const me = useMe();
  const choosesRaiser = !loaded && can(me, 'registry:write');
  const navigate = useNavigate();
  const [search] = useSearchParams(); // raised from a meeting's agenda item: ?meetingId=&agendaItemId=
  const raise = useRaiseRecommendation();
  const replace = useReplaceRecommendation(loaded ?? PLACEHOLDER);
  const mutation = loaded ? replace : raise;
  const initial = loaded ? editValues(loaded.value) : undefined;
  const ministries = useMinistryChoices();
  const clusters = useClusterChoices();
  const agencies = useAgencyChoices();
  const operators = (agencies.data ?? []).filter((a) => a.kind === 'cluster_operator');
  const [ownErrors, setOwnErrors] = useState<FieldErrors>({});
  const stale = mutation.error?.status === 412;
  const { inPlace, rest } = splitErrors(stale ? undefined : (mutation.error ?? undefined), FIELDS);
  const errors = mergeErrors(ownErrors, inPlace);
  const form = loaded ? 'recommendation-edit' : 'recommendation-new';

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
    if (loaded) {
      const { body, missing } = updateRequest(values);
      setOwnErrors(Object.fromEntries(missing.map((m) => [m, [f.required]])));
      if (!body) return replace.reset();
      replace.mutate(body, { onSuccess: () => void navigate(`${paths.recommendation(loaded.value.id)}?saved=1`) });
      return;
    }
    const { body, missing } = raiseRequest(values, choosesRaiser);
    setOwnErrors(Object.fromEntries(missing.map((m) => [m, [f.required]])));
    if (!body) return raise.reset();
    raise.mutate(body, { onSuccess: (created) => void navigate(paths.recommendation(created.id)) });
  }

  return (
      <form className="form card card__body" onSubmit={submit} noValidate aria-busy={mutation.isPending} data-testid="recommendation-form">
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
            {(p) => <input {...p} maxLength={200} defaultValue={initial?.themeKo} />}
          </Field>
          <Field form={form} name="themeEn" label={f.themeEn} errors={errors} wide>
            {(p) => <input {...p} maxLength={200} lang="en" defaultValue={initial?.themeEn} />}
          </Field>
          <Field form={form} name="text" label={f.text} errors={errors} required wide>
            {(p) => <textarea {...p} rows={6} maxLength={8000} defaultValue={initial?.text} />}
          </Field>
          <Field form={form} name="leadMinistryCode" label={f.leadMinistryCode} errors={errors} required>
            {(p) => (
              <select {...p} defaultValue={initial?.leadMinistryCode ?? ''} key={`lead-${ministries.data?.length ?? 0}`}>
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
              <select {...p} multiple size={5} defaultValue={initial?.otherMinistryCodes} key={`others-${ministries.data?.length ?? 0}`}>
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
              <select {...p} multiple size={5} defaultValue={initial?.clusterCodes} key={`clusters-${clusters.data?.length ?? 0}`}>
                {(clusters.data ?? []).map((c) => (
                  <option key={c.code} value={c.code}>
                    {c.label}
                  </option>
                ))}
              </select>
            )}
          </Field>
          {!loaded && (
            <>
              <Field form={form} name="sourceMeetingId" label={f.sourceMeetingId} errors={errors}>
                {(p) => <input {...p} inputMode="numeric" defaultValue={search.get('meetingId') ?? ''} />}
              </Field>
              <Field form={form} name="sourceAgendaItemId" label={f.sourceAgendaItemId} errors={errors}>
                {(p) => <input {...p} inputMode="numeric" defaultValue={search.get('agendaItemId') ?? ''} />}
              </Field>
            </>
          )}
        </div>
        <div className="form__footer">
          {stale ? (
            <div className="problem" role="alert" data-testid="stale-notice">
              <p className="problem__message">{f.stale}</p>
              <button type="button" className="button" onClick={onReload}>
                {f.reload}
              </button>
            </div>
          ) : (
            <FormProblem errors={errors} rest={rest} />
          )}
          <div className="form__actions">
            <button type="submit" className="button button--primary" disabled={mutation.isPending} data-testid="recommendation-submit">
              {loaded ? (mutation.isPending ? f.saving : f.save) : mutation.isPending ? f.submitting : f.submit}
            </button>
          </div>
        </div>
      </form>
  );
}

/** The edit hook needs a record; the raise form never calls it. */
const PLACEHOLDER = { value: { id: 0 } as PolicyRecommendationDto, etag: '' };
