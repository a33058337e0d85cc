import { useRef, useState, type FormEvent } from 'react';
import { useParams } from 'react-router';
import type { Problem, Versioned } from '../../api/api';
import type { ClusterDto, UpdateClusterRequest } from '../../api/client';
import { CLUSTER_STATUSES, REGIONS, isOneOf } from '../../api/enums';
import { Breadcrumb } from '../../ui/Breadcrumb';
import { Field, FormProblem, mergeErrors, splitErrors, textOf, type FieldErrors } from '../../ui/Form';
import { ProblemView } from '../../ui/ProblemView';
import { QueryStatus } from '../../ui/QueryStatus';
import { useI18n } from '../../i18n';
import type { Dictionary } from '../../i18n/ko';
import { can, canChangeClusterOperator, canEditCluster } from '../../lib/permissions';
import { keyAfterSend, newIdempotencyKey } from '../../lib/idempotency';
import { Link } from 'react-router';
import { paths } from '../../lib/paths';
import { useGo } from '../../lib/navigation';
import { useMe } from '../auth/session';
import { useDocumentTitle } from '../../lib/useDocumentTitle';
import { useClusterOperators } from '../agencies/api';
import { useClusterForEdit, useCreateCluster, useReplaceCluster } from './api';
import { CODE_PATTERN } from '../registry/agencyForm';
import { useRegistryI18n } from '../registry/i18n';
import { StaleNotice } from '../registry/StaleNotice';

const FORM = 'cluster-edit';
const FIELDS = [
  'code', 'nameKo', 'nameEn', 'region', 'operatorCode', 'status', 'designation', 'specializations',
  'establishedYear', 'areaKm2', 'latitude', 'longitude', 'website',
] as const;

export function ClusterEditPage() {
  const { t, name, fmt } = useI18n();
  const me = useMe();
  const code = useParams().code ?? '';
  const query = useClusterForEdit(code);
  useDocumentTitle(t.clusterEdit.title);
  const loaded = query.data;
  const cluster = loaded?.value;

  return (
    <div className="page">
      <Breadcrumb
        links={[
          { to: paths.clusters(), label: t.clusterDetail.backToList },
          { to: paths.cluster(code), label: cluster ? name(cluster) : code },
        ]}
        current={t.clusterEdit.title}
      />
      <header className="page__header">
        <h1>{t.clusterEdit.title}</h1>
        {cluster && <p className="page__intro">{fmt(t.clusterEdit.intro, { name: name(cluster) })}</p>}
      </header>

      <QueryStatus query={query} notFound={fmt(t.clusterDetail.notFound, { code })} />
      {loaded &&
        (canEditCluster(me, loaded.value) ? (
          // A new version (after "load the latest") starts the form afresh from it.
          <ClusterForm key={loaded.etag} loaded={loaded} onReload={() => void query.refetch()} />
        ) : (
          <ProblemView problem={{ status: 403, title: 'Forbidden' }} message={t.clusterEdit.notAllowed} />
        ))}
    </div>
  );
}

/** /clusters/new: the secretariat registers a cluster (same form, with its code). */
export function ClusterNewPage() {
  const { t } = useRegistryI18n();
  const me = useMe();
  useDocumentTitle(t.registry.newCluster);
  return (
    <div className="page">
      <Breadcrumb links={[{ to: paths.clusters(), label: t.clusterDetail.backToList }]} current={t.registry.newCluster} />
      <header className="page__header">
        <h1>{t.registry.newCluster}</h1>
        <p className="page__intro">{t.registry.newClusterIntro}</p>
      </header>
      {can(me, 'registry:write') ? <ClusterForm /> : <ProblemView problem={{ status: 403, title: 'Forbidden' }} message={t.registry.notAllowed} />}
    </div>
  );
}

/** A new cluster's starting values. */
const EMPTY: ClusterDto = {
  id: 0, code: '', nameKo: '', nameEn: null, region: 'seoul', operator: { id: 0, code: '', nameKo: '', nameEn: null }, designation: null,
  specializations: [], establishedYear: null, areaKm2: null, latitude: null, longitude: null, website: null, status: 'active',
  createdAt: '', updatedAt: '',
} as unknown as ClusterDto;

function ClusterForm({ loaded, onReload }: { loaded?: Versioned<ClusterDto>; onReload?: () => void }) {
  const { t, name, locale } = useRegistryI18n();
  const me = useMe();
  const creating = loaded === undefined;
  const c = loaded?.value ?? EMPTY;
  const operatorEditable = canChangeClusterOperator(me);
  // Only someone who may hand the cluster over needs the list of operators.
  const operators = useClusterOperators(operatorEditable);
  const save = useReplaceCluster();
  const create = useCreateCluster();
  const idempotencyKey = useRef(newIdempotencyKey());
  const go = useGo();
  const problem = (creating ? create.error : save.error) ?? undefined;
  const pending = save.isPending || create.isPending;
  const [ownErrors, setOwnErrors] = useState<FieldErrors>({});

  const operatorOptions = (operators.data?.items ?? [])
    .map((agency) => ({ code: agency.code, label: name(agency) }))
    .sort((a, b) => a.label.localeCompare(b.label, locale));
  if (!creating && !operatorOptions.some((o) => o.code === c.operator.code)) operatorOptions.unshift({ code: c.operator.code, label: name(c.operator) });

  const stale = problem?.status === 412;
  const { inPlace, rest } = splitErrors(stale ? undefined : problem, FIELDS);
  const errors = mergeErrors(ownErrors, inPlace);

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    const { body, errors: found } = readForm(data, c, operatorEditable, t);
    if (creating) {
      const code = textOf(data, 'code')?.toLowerCase();
      if (!code) found.code = [t.form.required];
      else if (!CODE_PATTERN.test(code)) found.code = [t.registry.codeHint];
      if (!textOf(data, 'operatorCode')) found.operatorCode = [t.form.required];
      setOwnErrors(found);
      if (!body || !code || Object.keys(found).length > 0) return create.reset();
      create.mutate(
        { body: { ...body, code }, idempotencyKey: idempotencyKey.current },
        {
          onSuccess: (created) => go(paths.cluster(created.code, new URLSearchParams({ created: '1' }))),
          onError: (error) => {
            idempotencyKey.current = keyAfterSend(idempotencyKey.current, { kind: 'problem', problem: error as Problem }, newIdempotencyKey);
          },
        },
      );
      return;
    }
    setOwnErrors(found);
    if (!body) {
      save.reset();
      return;
    }
    save.mutate({ loaded: loaded!, body }, { onSuccess: () => go(paths.cluster(c.code, new URLSearchParams({ saved: '1' }))) });
  }

  return (
    <form className="card form" onSubmit={submit} noValidate data-testid="cluster-edit-form" aria-busy={pending}>
      <div className="form__grid">
        {creating && (
          <Field form={FORM} name="code" label={t.fields.code} errors={errors} required hint={t.registry.codeHint}>
            {(p) => <input {...p} type="text" maxLength={40} autoCapitalize="none" spellCheck={false} />}
          </Field>
        )}
        <Field form={FORM} name="nameKo" label={t.fields.nameKo} errors={errors} required>
          {(p) => <input {...p} type="text" defaultValue={c.nameKo} maxLength={200} lang="ko" />}
        </Field>
        <Field form={FORM} name="nameEn" label={t.fields.nameEn} errors={errors}>
          {(p) => <input {...p} type="text" defaultValue={c.nameEn ?? ''} maxLength={200} lang="en" />}
        </Field>
        <Field form={FORM} name="region" label={t.fields.region} errors={errors} required>
          {(p) => (
            <select {...p} defaultValue={c.region}>
              {REGIONS.map((region) => (
                <option key={region} value={region}>
                  {t.regions[region]}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field
          form={FORM}
          name="operatorCode"
          label={t.fields.operator}
          errors={errors}
          required
          hint={operatorEditable ? undefined : t.clusterEdit.operatorLocked}
        >
          {(p) => (
            <select {...p} defaultValue={c.operator.code} disabled={!operatorEditable}>
              {creating && <option value="">{t.users.chooseAgency}</option>}
              {operatorOptions.map((option) => (
                <option key={option.code} value={option.code}>
                  {option.label}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field form={FORM} name="status" label={t.fields.status} errors={errors} required>
          {(p) => (
            <select {...p} defaultValue={c.status}>
              {/* Archiving is its own action (DELETE); offered here only to keep an archived record's value. */}
              {CLUSTER_STATUSES.filter((s) => s !== 'archived' || c.status === 'archived').map((status) => (
                <option key={status} value={status}>
                  {t.clusterStatuses[status]}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field form={FORM} name="designation" label={t.fields.designation} errors={errors}>
          {(p) => <input {...p} type="text" defaultValue={c.designation ?? ''} maxLength={100} />}
        </Field>
        <Field
          form={FORM}
          name="specializations"
          label={t.fields.specializations}
          errors={errors}
          hint={t.clusterEdit.specializationsHint}
          wide
        >
          {(p) => <input {...p} type="text" defaultValue={c.specializations.join(', ')} />}
        </Field>
        <Field form={FORM} name="establishedYear" label={t.fields.establishedYear} errors={errors}>
          {(p) => <input {...p} type="text" inputMode="numeric" defaultValue={c.establishedYear ?? ''} />}
        </Field>
        <Field form={FORM} name="areaKm2" label={t.fields.areaKm2} errors={errors}>
          {(p) => <input {...p} type="text" inputMode="decimal" defaultValue={c.areaKm2 ?? ''} />}
        </Field>
        <Field form={FORM} name="latitude" label={t.fields.latitude} errors={errors}>
          {(p) => <input {...p} type="text" inputMode="decimal" defaultValue={c.latitude ?? ''} />}
        </Field>
        <Field form={FORM} name="longitude" label={t.fields.longitude} errors={errors}>
          {(p) => <input {...p} type="text" inputMode="decimal" defaultValue={c.longitude ?? ''} />}
        </Field>
        <Field form={FORM} name="website" label={t.fields.website} errors={errors} hint={t.clusterEdit.websiteHint} wide>
          {(p) => <input {...p} type="url" defaultValue={c.website ?? ''} maxLength={500} />}
        </Field>
      </div>

      <div className="form__footer">
        {stale ? (
          <StaleNotice onReload={onReload} />
        ) : (
          <FormProblem errors={errors} rest={rest} />
        )}
        <div className="form__actions">
          <button type="submit" className="button button--primary" disabled={pending} data-testid="save">
            {pending ? t.common.saving : t.common.save}
          </button>
          <Link to={creating ? paths.clusters() : paths.cluster(c.code)} className="button">
            {t.common.cancel}
          </Link>
        </div>
      </div>
    </form>
  );
}

/** The request from the form, or the fields the dashboard itself can already tell are wrong. */
function readForm(
  data: FormData,
  c: ClusterDto,
  operatorEditable: boolean,
  t: Dictionary,
): { body?: UpdateClusterRequest; errors: FieldErrors } {
  const errors: FieldErrors = {};
  const number = (field: string, integer = false): number | null => {
    const raw = textOf(data, field);
    if (raw === undefined) return null;
    const value = Number(raw);
    if (!Number.isFinite(value)) errors[field] = [t.form.number];
    else if (integer && !Number.isInteger(value)) errors[field] = [t.form.integer];
    return value;
  };

  const nameKo = textOf(data, 'nameKo');
  if (!nameKo) errors.nameKo = [t.form.required];
  const region = textOf(data, 'region');
  const status = textOf(data, 'status');
  const body: UpdateClusterRequest = {
    nameKo: nameKo ?? '',
    nameEn: textOf(data, 'nameEn') ?? null,
    region: isOneOf(REGIONS, region) ? region : c.region,
    // A disabled select is not in the form data: the operator stays as it is.
    operatorCode: (operatorEditable && textOf(data, 'operatorCode')) || c.operator.code,
    status: isOneOf(CLUSTER_STATUSES, status) ? status : c.status,
    designation: textOf(data, 'designation') ?? null,
    specializations: (textOf(data, 'specializations') ?? '')
      .split(/[,\n]/)
      .map((s) => s.trim())
      .filter(Boolean),
    establishedYear: number('establishedYear', true),
    areaKm2: number('areaKm2'),
    latitude: number('latitude'),
    longitude: number('longitude'),
    website: textOf(data, 'website') ?? null,
  };
  return Object.keys(errors).length > 0 ? { errors } : { body, errors };
}
