import { useRef, useState, type FormEvent } from 'react';
import { Link, useParams } from 'react-router';
import type { Problem, Versioned } from '../../api/api';
import type { AgencyDto } from '../../api/client';
import { AGENCY_KINDS, SECTORS } from '../../api/enums';
import { Breadcrumb } from '../../ui/Breadcrumb';
import { Field, FormProblem, mergeErrors, splitErrors, type FieldErrors } from '../../ui/Form';
import { ProblemView } from '../../ui/ProblemView';
import { QueryStatus } from '../../ui/QueryStatus';
import { can } from '../../lib/permissions';
import { keyAfterSend, newIdempotencyKey } from '../../lib/idempotency';
import { paths } from '../../lib/paths';
import { useGo } from '../../lib/navigation';
import { useDocumentTitle } from '../../lib/useDocumentTitle';
import { useMe } from '../auth/session';
import { useAgencyForEdit, useCreateAgency, useReplaceAgency } from '../agencies/api';
import { AGENCY_FIELDS, agencyDefaults, isStale, readAgencyEdit, readNewAgency } from './agencyForm';
import { useRegistryI18n } from './i18n';
import { StaleNotice } from './StaleNotice';

const FORM = 'agency-form';

/** /agencies/new: the secretariat registers an agency. */
export function AgencyNewPage() {
  const { t } = useRegistryI18n();
  const me = useMe();
  useDocumentTitle(t.registry.newAgency);
  return (
    <div className="page">
      <Breadcrumb links={[{ to: paths.agencies(), label: t.agencyDetail.backToList }]} current={t.registry.newAgency} />
      <header className="page__header">
        <h1>{t.registry.newAgency}</h1>
        <p className="page__intro">{t.registry.newAgencyIntro}</p>
      </header>
      {can(me, 'registry:write') ? <AgencyForm /> : <ProblemView problem={{ status: 403, title: 'Forbidden' }} message={t.registry.notAllowed} />}
    </div>
  );
}

/** /agencies/:code/edit: the secretariat edits an agency's fields, from the version it loaded (If-Match). */
export function AgencyEditPage() {
  const { t, name, fmt } = useRegistryI18n();
  const me = useMe();
  const code = useParams().code ?? '';
  const query = useAgencyForEdit(code);
  const loaded = query.data;
  useDocumentTitle(t.registry.editAgency);
  return (
    <div className="page">
      <Breadcrumb
        links={[
          { to: paths.agencies(), label: t.agencyDetail.backToList },
          { to: paths.agency(code), label: loaded ? name(loaded.value) : code },
        ]}
        current={t.registry.editAgency}
      />
      <header className="page__header">
        <h1>{t.registry.editAgency}</h1>
        {loaded && <p className="page__intro">{fmt(t.registry.editAgencyIntro, { name: name(loaded.value) })}</p>}
      </header>
      <QueryStatus query={query} notFound={fmt(t.agencyDetail.notFound, { code })} />
      {loaded &&
        (can(me, 'registry:write') ? (
          // A new version (after "reload") starts the form afresh from it.
          <AgencyForm key={loaded.etag} loaded={loaded} onReload={() => void query.refetch()} />
        ) : (
          <ProblemView problem={{ status: 403, title: 'Forbidden' }} message={t.registry.notAllowed} />
        ))}
    </div>
  );
}

function AgencyForm({ loaded, onReload }: { loaded?: Versioned<AgencyDto>; onReload?: () => void }) {
  const { t } = useRegistryI18n();
  const go = useGo();
  const create = useCreateAgency();
  const replace = useReplaceAgency();
  const idempotencyKey = useRef(newIdempotencyKey());
  const [ownErrors, setOwnErrors] = useState<FieldErrors>({});
  const editing = loaded !== undefined;
  const d = agencyDefaults(loaded?.value);
  const problem = ((editing ? replace.error : create.error) ?? undefined) as Problem | undefined;
  const pending = create.isPending || replace.isPending;
  const stale = isStale(problem);
  const { inPlace, rest } = splitErrors(stale ? undefined : problem, AGENCY_FIELDS);
  const errors = mergeErrors(ownErrors, inPlace);
  const messages = { required: t.form.required, code: t.registry.codeHint };

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    if (loaded) {
      const { body, errors: found } = readAgencyEdit(data, messages);
      setOwnErrors(found);
      if (!body) return replace.reset();
      replace.mutate({ loaded, body }, { onSuccess: (saved) => go(`${paths.agency(saved.code)}?saved=1`) });
      return;
    }
    const { body, errors: found } = readNewAgency(data, messages);
    setOwnErrors(found);
    if (!body) return create.reset();
    create.mutate(
      { body, idempotencyKey: idempotencyKey.current },
      {
        onSuccess: (created) => go(`${paths.agency(created.code)}?created=1`),
        // A refused body may be corrected and sent again: with a new key, or the replay would answer the refusal.
        onError: (error) => {
          idempotencyKey.current = keyAfterSend(idempotencyKey.current, { kind: 'problem', problem: error as Problem }, newIdempotencyKey);
        },
      },
    );
  }

  return (
    <form className="card form" onSubmit={submit} noValidate data-testid="agency-form" aria-busy={pending}>
      <div className="form__grid">
        <Field form={FORM} name="code" label={t.fields.code} errors={errors} required={!editing} hint={editing ? undefined : t.registry.codeHint}>
          {(p) => <input {...p} type="text" defaultValue={d.code} maxLength={40} readOnly={editing} autoCapitalize="none" spellCheck={false} />}
        </Field>
        <Field form={FORM} name="kind" label={t.fields.kind} errors={errors} required>
          {(p) => (
            <select {...p} defaultValue={d.kind}>
              {AGENCY_KINDS.map((kind) => (
                <option key={kind} value={kind}>
                  {t.agencyKinds[kind]}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field form={FORM} name="nameKo" label={t.fields.nameKo} errors={errors} required>
          {(p) => <input {...p} type="text" defaultValue={d.nameKo} maxLength={200} lang="ko" />}
        </Field>
        <Field form={FORM} name="nameEn" label={t.fields.nameEn} errors={errors}>
          {(p) => <input {...p} type="text" defaultValue={d.nameEn} maxLength={200} lang="en" />}
        </Field>
        <Field form={FORM} name="sector" label={t.fields.sector} errors={errors}>
          {(p) => (
            <select {...p} defaultValue={d.sector}>
              <option value="">{t.registry.noSector}</option>
              {SECTORS.map((sector) => (
                <option key={sector} value={sector}>
                  {t.sectors[sector]}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field form={FORM} name="parentCode" label={t.fields.parent} errors={errors} hint={t.registry.parentHint}>
          {(p) => <input {...p} type="text" defaultValue={d.parentCode} maxLength={40} autoCapitalize="none" spellCheck={false} />}
        </Field>
        <Field form={FORM} name="clusterCode" label={t.registry.cluster} errors={errors} hint={t.registry.clusterHint}>
          {(p) => <input {...p} type="text" defaultValue={d.clusterCode} maxLength={40} autoCapitalize="none" spellCheck={false} />}
        </Field>
        <Field form={FORM} name="website" label={t.fields.website} errors={errors} hint={t.registry.websiteHint}>
          {(p) => <input {...p} type="url" defaultValue={d.website} maxLength={500} />}
        </Field>
      </div>
      <div className="form__footer">
        {stale ? <StaleNotice onReload={onReload} /> : <FormProblem errors={errors} rest={rest} />}
        <div className="form__actions">
          <button type="submit" className="button button--primary" disabled={pending} data-testid="save">
            {pending ? t.common.saving : t.common.save}
          </button>
          <Link to={loaded ? paths.agency(loaded.value.code) : paths.agencies()} className="button">
            {t.common.cancel}
          </Link>
        </div>
      </div>
    </form>
  );
}
