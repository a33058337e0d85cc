import { useRef, useState, type FormEvent } from 'react';
import { useParams } from 'react-router';
import type { Problem, Versioned } from '../../api/api';
import type { RegulatoryIssueDto } from '../../api/client';
import { ISSUE_CATEGORIES, ISSUE_PRIORITIES } from '../../api/enums';
import { useAgencyChoices } from '../agencies/AgencyChoice';
import { Breadcrumb } from '../../ui/Breadcrumb';
import { Field, FormProblem, mergeErrors, splitErrors, type FieldErrors } from '../../ui/Form';
import { useClusterChoices, withCurrent } from './IssueChoices';
import { Loading } from '../../ui/Loading';
import { ProblemView } from '../../ui/ProblemView';
import { QueryStatus } from '../../ui/QueryStatus';
import { useI18n } from '../../i18n';
import type { Dictionary } from '../../i18n/ko';
import { keyAfterSend, newIdempotencyKey } from '../../lib/idempotency';
import { ISSUE_FORM_FIELDS, buildIssueRequest, issueErrorField, type IssueFormError, type IssueFormValues } from './issueForm';
import { canChooseRaisingAgency, canEditIssue } from '../../lib/permissions';
import { Link } from 'react-router';
import { paths } from '../../lib/paths';
import { useGo } from '../../lib/navigation';
import { useMe } from '../auth/session';
import { useDocumentTitle } from '../../lib/useDocumentTitle';
import { useCreateIssue, useIssue, useReplaceIssue } from './api';
import './issues.css';

const FORM = 'issue-form';

/** Raise a new issue. */
export function IssueNewPage() {
  const { t } = useI18n();
  useDocumentTitle(t.issueForm.newTitle);
  return (
    <div className="page">
      <Breadcrumb links={[{ to: paths.issues(), label: t.issueDetail.backToList }]} current={t.issueForm.newTitle} />
      <header className="page__header">
        <h1>{t.issueForm.newTitle}</h1>
        <p className="page__intro">{t.issueForm.newIntro}</p>
      </header>
      <IssueForm />
    </div>
  );
}

/** Edit an issue's description (If-Match); the workflow fields change only through moves. */
export function IssueEditPage() {
  const { t, fmt } = useI18n();
  const me = useMe();
  const id = Number(useParams().id);
  useDocumentTitle(t.issueForm.editTitle);
  const query = useIssue(id, 'edit');
  const loaded = query.data;
  return (
    <div className="page">
      <Breadcrumb
        links={[
          { to: paths.issues(), label: t.issueDetail.backToList },
          { to: paths.issue(id), label: <>#{id}</> },
        ]}
        current={t.issueForm.editTitle}
      />
      <header className="page__header">
        <h1>{t.issueForm.editTitle}</h1>
        <p className="page__intro">{fmt(t.issueForm.editIntro, { id })}</p>
      </header>
      <QueryStatus query={query} notFound={fmt(t.issueDetail.notFound, { id })} />
      {loaded &&
        (canEditIssue(me, loaded.value) ? (
          <IssueForm key={loaded.etag} loaded={loaded} onReload={() => void query.refetch()} />
        ) : (
          <ProblemView problem={{ status: 403, title: 'Forbidden' }} message={t.issueForm.notAllowed} />
        ))}
    </div>
  );
}

function errorText(t: Dictionary, fmt: (s: string, v: Record<string, number>) => string, error: IssueFormError): string {
  switch (error.code) {
    case 'required':
      return t.form.required;
    case 'tooShort':
      return fmt(t.issueMoves.errors.tooShort, { min: error.min });
    case 'officialName':
      return t.issueMoves.errors.officialName;
    default:
      return t.issueForm.errors[error.code];
  }
}

function IssueForm({ loaded, onReload }: { loaded?: Versioned<RegulatoryIssueDto>; onReload?: () => void }) {
  const { t, fmt, name } = useI18n();
  const me = useMe();
  const issue = loaded?.value;
  const clusters = useClusterChoices();
  const chooseAgency = !issue && canChooseRaisingAgency(me);
  const agencies = useAgencyChoices();
  const create = useCreateIssue();
  const replace = useReplaceIssue();
  const go = useGo();
  const problem = (loaded ? replace.error : create.error) ?? undefined;
  const pending = create.isPending || replace.isPending;
  const [ownErrors, setOwnErrors] = useState<FieldErrors>({});

  const stale = problem?.status === 412;
  const renamed: Problem | undefined = problem?.errors
    ? { ...problem, errors: Object.fromEntries(Object.entries(problem.errors).map(([key, messages]) => [issueErrorField(key) ?? key, messages])) }
    : problem;
  const { inPlace, rest } = splitErrors(stale ? undefined : renamed, ISSUE_FORM_FIELDS);
  const errors = mergeErrors(ownErrors, inPlace);

  // Sent with the create, so a double submit or a retry after a lost answer raises the issue once.
  const createKey = useRef(newIdempotencyKey());

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    const values: IssueFormValues = { text: {}, clusterCodes: data.getAll('clusterCodes').map(String) };
    for (const field of ISSUE_FORM_FIELDS) if (field !== 'clusterCodes') values.text[field] = String(data.get(field) ?? '');
    const { body, errors: found } = buildIssueRequest(values);
    setOwnErrors(Object.fromEntries(Object.entries(found).map(([field, error]) => [field, [errorText(t, fmt, error)]])));
    if (!body) {
      create.reset();
      replace.reset();
      return;
    }
    if (loaded) {
      // The raising agency is fixed once raised: the update has no such field.
      const { raisedByCode, ...update } = body;
      void raisedByCode;
      replace.mutate(
        { loaded, body: update },
        { onSuccess: () => go(paths.issue(loaded.value.id, new URLSearchParams({ saved: '1' }))) },
      );
    } else {
      create.mutate(
        { body, idempotencyKey: createKey.current },
        {
          onSuccess: (created) => {
            createKey.current = keyAfterSend(createKey.current, { kind: 'ok' }, newIdempotencyKey);
            go(paths.issue(created.id, new URLSearchParams({ created: '1' })));
          },
          onError: (failure) => {
            createKey.current = keyAfterSend(createKey.current, { kind: 'problem', problem: failure }, newIdempotencyKey);
          },
        },
      );
    }
  }

  const input = (field: 'titleKo' | 'titleEn' | 'lawName' | 'lawArticle' | 'officialName' | 'officialDepartment' | 'officialContact' | 'sourceMeeting' | 'externalRef', props: { required?: boolean; defaultValue?: string | null; lang?: string; max: number; hint?: string; wide?: boolean }) => (
    <Field form={FORM} name={field} label={t.issueFields[field]} errors={errors} required={props.required} hint={props.hint} wide={props.wide}>
      {(p) => <input {...p} type="text" defaultValue={props.defaultValue ?? ''} maxLength={props.max} lang={props.lang} />}
    </Field>
  );
  const area = (field: 'problemKo' | 'problemEn' | 'proposalKo' | 'proposalEn', defaultValue: string | null | undefined, lang: string, required?: boolean) => (
    <Field form={FORM} name={field} label={t.issueFields[field]} errors={errors} required={required} wide>
      {(p) => <textarea {...p} rows={5} defaultValue={defaultValue ?? ''} maxLength={8000} lang={lang} />}
    </Field>
  );

  // An issue may concern a cluster archived since (the list leaves those out): keep it on offer.
  const clusterOptions = [
    ...(clusters.data ?? []),
    ...(issue?.clusters ?? []).filter((c) => clusters.data !== undefined && !clusters.data.some((o) => o.code === c.code)).map((c) => ({ code: c.code, label: name(c) })),
  ];
  const agencyOptions = withCurrent(agencies.data ?? [], me.agency?.code);

  return (
    <form className="card form issue-form" onSubmit={submit} noValidate aria-busy={pending} data-testid="issue-form">
      <fieldset className="form__section">
        <legend>{t.issueForm.korean}</legend>
        <div className="form__grid">
          {input('titleKo', { required: true, defaultValue: issue?.titleKo, lang: 'ko', max: 300, wide: true })}
          {area('problemKo', issue?.problemKo, 'ko', true)}
          {area('proposalKo', issue?.proposalKo, 'ko', true)}
        </div>
      </fieldset>

      <fieldset className="form__section">
        <legend>{t.issueForm.classification}</legend>
        <div className="form__grid">
          <Field form={FORM} name="category" label={t.issueFields.category} errors={errors} required>
            {(p) => (
              <select {...p} defaultValue={issue?.category ?? ''}>
                <option value="">{t.issueForm.chooseCategory}</option>
                {ISSUE_CATEGORIES.map((c) => (
                  <option key={c} value={c}>
                    {t.issueCategories[c]}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <Field form={FORM} name="priority" label={t.issueFields.priority} errors={errors} required={!!issue}>
            {(p) => (
              <select {...p} defaultValue={issue?.priority ?? 'normal'}>
                {ISSUE_PRIORITIES.map((priority) => (
                  <option key={priority} value={priority}>
                    {t.issuePriorities[priority]}
                  </option>
                ))}
              </select>
            )}
          </Field>
          {!issue &&
            (chooseAgency ? (
              <Field form={FORM} name="raisedByCode" label={t.issueFields.raisedByCode} errors={errors} required>
                {(p) => (
                  <select {...p} defaultValue={me.agency?.code ?? ''} data-testid="raised-by">
                    <option value="">{t.issueForm.chooseAgency}</option>
                    {agencyOptions.map((a) => (
                      <option key={a.code} value={a.code}>
                        {a.label}
                      </option>
                    ))}
                  </select>
                )}
              </Field>
            ) : (
              me.agency && (
                <p className="form-field form__note" data-testid="raised-by-own">
                  {fmt(t.issueForm.ownAgency, { name: name(me.agency) })}
                </p>
              )
            ))}
          <fieldset
            className="form-field form-field--wide checkbox-group"
            aria-invalid={errors.clusterCodes ? true : undefined}
            aria-describedby={`${FORM}-clusters-hint`}
            data-field="clusterCodes"
          >
            <legend>{t.issueFields.clusterCodes}</legend>
            <p id={`${FORM}-clusters-hint`} className="form-field__hint">
              {t.issueForm.clustersHint}
            </p>
            {clusters.isPending && <Loading />}
            <div className="checkbox-row" data-testid="cluster-choices">
              {clusterOptions.map((c) => (
                <label key={c.code} className="checkbox">
                  <input type="checkbox" name="clusterCodes" value={c.code} defaultChecked={issue?.clusters.some((x) => x.code === c.code)} />
                  {c.label}
                </label>
              ))}
            </div>
            {errors.clusterCodes && (
              <p className="form-field__error" data-testid="field-error">
                {errors.clusterCodes.join(' ')}
              </p>
            )}
          </fieldset>
        </div>
      </fieldset>

      <fieldset className="form__section">
        <legend>{t.issueForm.law}</legend>
        <div className="form__grid">
          {input('lawName', { defaultValue: issue?.lawName, max: 300 })}
          {input('lawArticle', { defaultValue: issue?.lawArticle, max: 100 })}
        </div>
      </fieldset>

      <fieldset className="form__section">
        <legend>{t.issueForm.english}</legend>
        <div className="form__grid">
          {input('titleEn', { defaultValue: issue?.titleEn, lang: 'en', max: 300, wide: true })}
          {area('problemEn', issue?.problemEn, 'en')}
          {area('proposalEn', issue?.proposalEn, 'en')}
        </div>
      </fieldset>

      <fieldset className="form__section">
        <legend>{t.issueForm.officialLegend}</legend>
        <div className="form__grid form__grid--three">
          {input('officialName', { defaultValue: issue?.official?.name, max: 100 })}
          {input('officialDepartment', { defaultValue: issue?.official?.department, max: 200 })}
          {input('officialContact', { defaultValue: issue?.official?.contact, max: 200 })}
        </div>
      </fieldset>

      <fieldset className="form__section">
        <legend>{t.issueForm.more}</legend>
        <div className="form__grid">
          <Field form={FORM} name="tags" label={t.issueFields.tags} errors={errors} hint={t.issueForm.tagsHint} wide>
            {(p) => <input {...p} type="text" defaultValue={issue?.tags.join(', ') ?? ''} />}
          </Field>
          {input('sourceMeeting', { defaultValue: issue?.sourceMeeting, max: 200 })}
          {input('externalRef', { defaultValue: issue?.externalRef, max: 100, hint: t.issueForm.externalRefHint })}
        </div>
      </fieldset>

      <div className="form__footer">
        {stale ? (
          <div className="problem" role="alert" data-testid="stale-notice">
            <p className="problem__message">{t.issueForm.stale}</p>
            <button type="button" className="button" onClick={onReload}>
              {t.issueForm.reload}
            </button>
          </div>
        ) : (
          <FormProblem errors={errors} rest={rest} />
        )}
        <div className="form__actions">
          <button type="submit" className="button button--primary" disabled={pending} data-testid="save">
            {pending ? t.common.saving : issue ? t.common.save : t.issueForm.submitNew}
          </button>
          <Link to={issue ? paths.issue(issue.id) : paths.issues()} className="button">
            {t.common.cancel}
          </Link>
        </div>
      </div>
    </form>
  );
}
