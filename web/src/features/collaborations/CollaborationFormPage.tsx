import { useState, type FormEvent } from 'react';
import { useNavigate, useParams, useSearchParams } from 'react-router';
import type { Versioned } from '../../api/api';
import type { CollaborationProjectDto, PartnerRole } from '../../api/client';
import { paths } from '../../lib/paths';
import { useDocumentTitle } from '../../lib/useDocumentTitle';
import { Field, FormProblem, mergeErrors, splitErrors, type FieldErrors } from '../../ui/Form';
import { Loading } from '../../ui/Loading';
import { ProblemView } from '../../ui/ProblemView';
import { useCollaboration, useCreateCollaboration, useReplaceCollaboration } from './api';
import {
  createRequest,
  formatWon,
  PARTNER_ROLES,
  projectFields,
  type PartnerRow,
  type ProjectField,
  type ProjectProblem,
  type ProjectValues,
} from './collaborations';
import { useCollaborationsI18n } from './i18n';
import { PartnerOptions } from './PartnerOptions';

const FIELDS = ['titleKo', 'titleEn', 'summary', 'startsOn', 'endsOn', 'budgetKrw', 'outcomes', 'sourceMeetingId', 'sourceAgendaItemId', 'partners', 'externalRef'] as const;

/** Register a project; `?clusterCode=` puts that cluster first (as lead), `?agendaItemId=&meetingId=` links the decision. */
export function CollaborationNewPage() {
  const [search] = useSearchParams();
  const clusterCode = search.get('clusterCode');
  return (
    <ProjectForm
      initialRows={[{ partner: clusterCode ? `cluster:${clusterCode}` : '', role: 'lead' }, { partner: '', role: 'partner' }]}
      initial={{
        sourceMeetingId: search.get('meetingId') ?? '',
        sourceAgendaItemId: search.get('agendaItemId') ?? '',
      }}
    />
  );
}

/** Edit a project's fields (its partners change on its page). */
export function CollaborationEditPage() {
  const id = Number(useParams().id);
  const query = useCollaboration(id);
  if (query.isPending) return <Loading />;
  if (query.error) return <ProblemView problem={query.error} onRetry={() => void query.refetch()} />;
  const p = query.data.value;
  return (
    <ProjectForm
      key={query.data.etag}
      project={query.data}
      initial={{
        titleKo: p.titleKo,
        titleEn: p.titleEn ?? '',
        summary: p.summary,
        startsOn: p.startsOn ?? '',
        endsOn: p.endsOn ?? '',
        budget: formatWon(p.budgetKrw),
        outcomes: p.outcomes ?? '',
        sourceMeetingId: p.source ? String(p.source.meetingId) : '',
        sourceAgendaItemId: p.source?.agendaItemId != null ? String(p.source.agendaItemId) : '',
      }}
    />
  );
}

interface ProjectFormProps {
  project?: Versioned<CollaborationProjectDto>;
  initial: Partial<ProjectValues>;
  initialRows?: PartnerRow[];
}

function ProjectForm({ project, initial, initialRows = [] }: ProjectFormProps) {
  const { t } = useCollaborationsI18n();
  const f = t.collaborationForm;
  const editing = project !== undefined;
  useDocumentTitle(editing ? f.editTitle : f.newTitle);
  const navigate = useNavigate();
  const create = useCreateCollaboration();
  const replace = useReplaceCollaboration(project);
  const mutation = editing ? replace : create;
  const [rows, setRows] = useState<PartnerRow[]>(initialRows);
  const [ownErrors, setOwnErrors] = useState<FieldErrors>({});
  const { inPlace, rest } = splitErrors(mutation.error ?? undefined, FIELDS);
  const errors = mergeErrors(ownErrors, inPlace);
  const form = editing ? 'collaboration-edit' : 'collaboration-new';

  function problemsToErrors(problems: Partial<Record<ProjectField, ProjectProblem>>): FieldErrors {
    return Object.fromEntries(Object.entries(problems).map(([field, problem]) => [field, [f.problems[problem as ProjectProblem]]]));
  }

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    const text = (name: string) => String(data.get(name) ?? '');
    const values: ProjectValues = {
      titleKo: text('titleKo'),
      titleEn: text('titleEn'),
      summary: text('summary'),
      startsOn: text('startsOn'),
      endsOn: text('endsOn'),
      budget: text('budgetKrw'),
      outcomes: text('outcomes'),
      sourceMeetingId: text('sourceMeetingId'),
      sourceAgendaItemId: text('sourceAgendaItemId'),
    };
    if (project) {
      const { body, problems } = projectFields(values);
      setOwnErrors(problemsToErrors(problems));
      if (!body) return replace.reset();
      replace.mutate({ ...body, externalRef: project.value.externalRef ?? undefined }, {
        onSuccess: (next) => void navigate(`${paths.collaboration(next.value.id)}?saved=1`),
      });
    } else {
      const { body, problems } = createRequest(values, rows);
      setOwnErrors(problemsToErrors(problems));
      if (!body) return create.reset();
      create.mutate(body, { onSuccess: (created) => void navigate(paths.collaboration(created.id)) });
    }
  }

  const setRow = (index: number, next: Partial<PartnerRow>) => setRows((all) => all.map((r, i) => (i === index ? { ...r, ...next } : r)));

  return (
    <div className="page">
      <header className="page__header">
        <h1>{editing ? f.editTitle : f.newTitle}</h1>
        <p className="page__intro">{f.intro}</p>
      </header>
      <form className="form card card__body" onSubmit={submit} noValidate aria-busy={mutation.isPending} data-testid="collaboration-form">
        <div className="form__grid">
          <Field form={form} name="titleKo" label={f.titleKo} errors={errors} required wide>
            {(p) => <input {...p} maxLength={200} defaultValue={initial.titleKo} />}
          </Field>
          <Field form={form} name="titleEn" label={f.titleEn} errors={errors} wide>
            {(p) => <input {...p} maxLength={200} lang="en" defaultValue={initial.titleEn} />}
          </Field>
          <Field form={form} name="summary" label={f.summary} errors={errors} required wide>
            {(p) => <textarea {...p} rows={5} maxLength={8000} defaultValue={initial.summary} />}
          </Field>
          {!editing && (
            <fieldset className="form-field form-field--wide" data-field="partners" data-testid="partner-rows">
              <legend>{f.partners}</legend>
              <p className="form-field__hint">{f.partnersHint}</p>
              {rows.map((row, index) => (
                <div key={index} className="form__row" data-testid="partner-row">
                  <select
                    aria-label={`${f.partners} ${index + 1}`}
                    value={row.partner}
                    onChange={(e) => setRow(index, { partner: e.target.value })}
                    data-testid="partner-row-choice"
                  >
                    <option value="">{t.collaboration.choose}</option>
                    <PartnerOptions />
                  </select>{' '}
                  <select
                    aria-label={`${t.collaboration.role} ${index + 1}`}
                    value={row.role}
                    onChange={(e) => setRow(index, { role: e.target.value as PartnerRole })}
                    data-testid="partner-row-role"
                  >
                    {PARTNER_ROLES.map((r) => (
                      <option key={r} value={r}>
                        {t.partnerRoles[r]}
                      </option>
                    ))}
                  </select>{' '}
                  <button type="button" className="button button--small" onClick={() => setRows((all) => all.filter((_, i) => i !== index))}>
                    {f.removeRow}
                  </button>
                </div>
              ))}
              <button type="button" className="button button--small" onClick={() => setRows((all) => [...all, { partner: '', role: 'partner' }])} data-testid="partner-row-add">
                {f.addRow}
              </button>
              {errors.partners && (
                <p className="form-field__error" data-testid="field-error">
                  {errors.partners.join(' ')}
                </p>
              )}
            </fieldset>
          )}
          <Field form={form} name="startsOn" label={f.startsOn} errors={errors}>
            {(p) => <input {...p} type="date" defaultValue={initial.startsOn} />}
          </Field>
          <Field form={form} name="endsOn" label={f.endsOn} errors={errors}>
            {(p) => <input {...p} type="date" defaultValue={initial.endsOn} />}
          </Field>
          <Field form={form} name="budgetKrw" label={f.budget} errors={errors} hint={f.budgetHint}>
            {(p) => <input {...p} inputMode="numeric" defaultValue={initial.budget} />}
          </Field>
          <Field form={form} name="sourceMeetingId" label={f.sourceMeetingId} errors={errors}>
            {(p) => <input {...p} inputMode="numeric" defaultValue={initial.sourceMeetingId} />}
          </Field>
          <Field form={form} name="sourceAgendaItemId" label={f.sourceAgendaItemId} errors={errors}>
            {(p) => <input {...p} inputMode="numeric" defaultValue={initial.sourceAgendaItemId} />}
          </Field>
          <Field form={form} name="outcomes" label={f.outcomes} errors={errors} wide>
            {(p) => <textarea {...p} rows={3} maxLength={8000} defaultValue={initial.outcomes} />}
          </Field>
        </div>
        <div className="form__footer">
          <FormProblem errors={errors} rest={rest} />
          <div className="form__actions">
            <button type="submit" className="button button--primary" disabled={mutation.isPending} data-testid="collaboration-submit">
              {mutation.isPending ? f.submitting : editing ? f.save : f.submit}
            </button>
          </div>
        </div>
      </form>
    </div>
  );
}
