// The forms of the cluster page's network sections: registering, editing and deleting a site project (with its stages),
// placing an agency in the cluster or taking it out, and an actor's profile (sector, specialisations, region). The API
// decides who may (the secretariat everywhere, an operator in its own clusters); these show only to those it would allow.
import { useQuery } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import type { Versioned } from '../../api/api';
import type { ActorDto, Region, Sector, SiteProjectDto } from '../../api/client';
import { REGIONS, SECTORS } from '../../api/enums';
import { Dialog } from '../../ui/Dialog';
import { Field, FormProblem, mergeErrors, Notice, splitErrors, type FieldErrors } from '../../ui/Form';
import { Loading } from '../../ui/Loading';
import { ProblemView } from '../../ui/ProblemView';
import { useAgencyChoices } from '../agencies/AgencyChoice';
import { agencyChoicesQuery } from '../agencies/api';
import { useActor, useDeleteSiteProject, usePlaceActor, useReplaceActorProfile, useSaveSiteProject, useSiteProject } from './api';
import { useActorsI18n } from './i18n';
import {
  parseSpecializations,
  SITE_PROJECT_STATES,
  siteProjectRequest,
  siteProjectValues,
  stageRows,
  type SiteProjectValues,
  type StageRow,
} from './siteProjects';

const SITE_FIELDS = ['nameKo', 'nameEn', 'state', 'address', 'latitude', 'longitude', 'landAreaM2', 'floorAreaM2', 'floorsBelow', 'floorsAbove',
  'developerCode', 'description', 'stages'] as const;

/** The "register" button of a cluster's site projects, opening the form. */
export function AddSiteProject({ clusterCode }: { clusterCode: string }) {
  const { t } = useActorsI18n();
  const [open, setOpen] = useState(false);
  return (
    <>
      <button type="button" className="button" onClick={() => setOpen(true)} data-testid="site-project-add">
        {t.siteProjectEdit.add}
      </button>
      <Dialog open={open} title={t.siteProjectEdit.newTitle} onClose={() => setOpen(false)} testId="site-project-dialog">
        {open && <SiteProjectForm clusterCode={clusterCode} onDone={() => setOpen(false)} />}
      </Dialog>
    </>
  );
}

/** A site project's edit and delete buttons. */
export function SiteProjectActions({ clusterCode, project }: { clusterCode: string; project: SiteProjectDto }) {
  const { t, fmt } = useActorsI18n();
  const [mode, setMode] = useState<'edit' | 'delete'>();
  const loaded = useSiteProject(mode ? project.id : undefined);
  const remove = useDeleteSiteProject(loaded.data);
  const name = project.nameKo;
  return (
    <span className="site-project__actions">
      <button type="button" className="button button--small" aria-label={fmt(t.siteProjectEdit.editLabel, { name })} onClick={() => setMode('edit')}
        data-testid="site-project-edit">
        {t.siteProjectEdit.edit}
      </button>{' '}
      <button type="button" className="button button--small button--danger" onClick={() => setMode('delete')} data-testid="site-project-delete">
        {t.siteProjectEdit.delete}
      </button>
      <Dialog open={mode === 'edit'} title={t.siteProjectEdit.editTitle} onClose={() => setMode(undefined)} testId="site-project-dialog">
        {mode === 'edit' && (loaded.isPending ? <Loading /> : loaded.error ? <ProblemView problem={loaded.error} onRetry={() => void loaded.refetch()} /> : (
          <SiteProjectForm key={loaded.data.etag} clusterCode={clusterCode} project={loaded.data} onDone={() => setMode(undefined)} />
        ))}
      </Dialog>
      <Dialog open={mode === 'delete'} title={t.siteProjectEdit.delete} tone="danger" onClose={() => setMode(undefined)} testId="site-project-delete-dialog">
        {mode === 'delete' && (
          <div className="dialog__form">
            <p>{fmt(t.siteProjectEdit.deleteConfirm, { name })}</p>
            {remove.error && <ProblemView problem={remove.error} onRetry={() => void loaded.refetch()} />}
            <div className="dialog__actions">
              <button type="button" className="button button--danger" disabled={!loaded.data || remove.isPending}
                onClick={() => remove.mutate(undefined, { onSuccess: () => setMode(undefined) })} data-testid="site-project-delete-confirm">
                {t.siteProjectEdit.delete}
              </button>
              <button type="button" className="button" onClick={() => setMode(undefined)}>
                {t.siteProjectEdit.cancel}
              </button>
            </div>
          </div>
        )}
      </Dialog>
    </span>
  );
}

function SiteProjectForm({ clusterCode, project, onDone }: { clusterCode: string; project?: Versioned<SiteProjectDto>; onDone: () => void }) {
  const { t } = useActorsI18n();
  const e = t.siteProjectEdit;
  const save = useSaveSiteProject(clusterCode, project);
  const agencies = useAgencyChoices();
  const initial = siteProjectValues(project?.value);
  const [rows, setRows] = useState<StageRow[]>(project ? stageRows(project.value.stages) : []);
  const [ownErrors, setOwnErrors] = useState<FieldErrors>({});
  const { inPlace, rest } = splitErrors(save.error ?? undefined, SITE_FIELDS);
  const errors = mergeErrors(ownErrors, inPlace);
  const form = project ? `site-project-${project.value.id}` : 'site-project-new';

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    const values = Object.fromEntries(Object.keys(initial).map((k) => [k, String(data.get(k) ?? '')])) as unknown as SiteProjectValues;
    const { body, problems } = siteProjectRequest(values, rows);
    setOwnErrors(Object.fromEntries(Object.entries(problems).map(([field, problem]) => [field, [e.problems[problem]]])));
    if (!body) return save.reset();
    save.mutate(body, { onSuccess: onDone });
  }

  const setRow = (index: number, next: Partial<StageRow>) => setRows((all) => all.map((r, i) => (i === index ? { ...r, ...next } : r)));
  const text = (name: keyof SiteProjectValues, label: string, props: { required?: boolean; wide?: boolean; numeric?: boolean } = {}) => (
    <Field form={form} name={name} label={label} errors={errors} required={props.required} wide={props.wide}>
      {(p) => <input {...p} defaultValue={initial[name]} inputMode={props.numeric ? 'decimal' : undefined} />}
    </Field>
  );

  return (
    <form className="form dialog__form" onSubmit={submit} noValidate aria-busy={save.isPending} data-testid="site-project-form">
      <div className="form__grid">
        {text('nameKo', e.nameKo, { required: true, wide: true })}
        {text('nameEn', e.nameEn, { wide: true })}
        <Field form={form} name="state" label={e.state} errors={errors} required>
          {(p) => (
            <select {...p} defaultValue={initial.state}>
              {SITE_PROJECT_STATES.map((s) => (
                <option key={s} value={s}>
                  {t.siteProjects.states[s]}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field form={form} name="developerCode" label={e.developerCode} errors={errors}>
          {(p) => (
            <select {...p} defaultValue={initial.developerCode}>
              <option value="">{e.none}</option>
              {(agencies.data ?? []).map((a) => (
                <option key={a.code} value={a.code}>
                  {a.label}
                </option>
              ))}
            </select>
          )}
        </Field>
        {text('address', e.address, { wide: true })}
        {text('latitude', e.latitude, { numeric: true })}
        {text('longitude', e.longitude, { numeric: true })}
        {text('landAreaM2', e.landAreaM2, { numeric: true })}
        {text('floorAreaM2', e.floorAreaM2, { numeric: true })}
        {text('floorsBelow', e.floorsBelow, { numeric: true })}
        {text('floorsAbove', e.floorsAbove, { numeric: true })}
        <Field form={form} name="description" label={e.description} errors={errors} wide>
          {(p) => <textarea {...p} rows={3} defaultValue={initial.description} />}
        </Field>
        <fieldset className="form-field form-field--wide" data-field="stages" data-testid="stage-rows">
          <legend>{e.stages}</legend>
          {rows.map((row, index) => (
            <div key={index} className="form__row" data-testid="stage-row">
              <input aria-label={`${e.stageName} ${index + 1}`} value={row.nameKo} onChange={(ev) => setRow(index, { nameKo: ev.target.value })}
                data-testid="stage-name" />{' '}
              {(['plannedStart', 'plannedEnd', 'actualStart', 'actualEnd'] as const).map((k) => (
                <input key={k} type="date" aria-label={`${e[k]} ${index + 1}`} value={row[k]} onChange={(ev) => setRow(index, { [k]: ev.target.value })}
                  data-testid={`stage-${k}`} />
              ))}{' '}
              <button type="button" className="button button--small" onClick={() => setRows((all) => all.filter((_, i) => i !== index))}>
                {e.removeStage}
              </button>
            </div>
          ))}
          <button type="button" className="button button--small" data-testid="stage-add"
            onClick={() => setRows((all) => [...all, { nameKo: '', plannedStart: '', plannedEnd: '', actualStart: '', actualEnd: '' }])}>
            {e.addStage}
          </button>
          {errors.stages && (
            <p className="form-field__error" data-testid="field-error">
              {errors.stages.join(' ')}
            </p>
          )}
        </fieldset>
      </div>
      <FormProblem errors={errors} rest={rest} />
      <div className="dialog__actions">
        <button type="submit" className="button button--primary" disabled={save.isPending} data-testid="site-project-submit">
          {save.isPending ? e.saving : e.save}
        </button>
        <button type="button" className="button" onClick={onDone}>
          {e.cancel}
        </button>
      </div>
    </form>
  );
}

/** "혁신 주체 관리": place an agency in the cluster. */
export function PlaceActor({ clusterId }: { clusterId: number }) {
  const { t, name, locale } = useActorsI18n();
  const a = t.actorEdit;
  const agencies = useQuery({
    ...agencyChoicesQuery(),
    select: (page) =>
      page.items
        .filter((x) => x.status === 'active')
        .map((x) => ({ id: x.id, code: x.code, label: name(x) }))
        .sort((x, y) => x.label.localeCompare(y.label, locale)),
  });
  const place = usePlaceActor(clusterId);
  const [code, setCode] = useState('');
  const [placed, setPlaced] = useState(false);
  const all = agencies.data ?? [];

  function submit(event: FormEvent) {
    event.preventDefault();
    const chosen = agencyIds.get(code);
    if (chosen === undefined) return;
    setPlaced(false);
    place.mutate({ agencyId: chosen, place: true }, { onSuccess: () => { setPlaced(true); setCode(''); } });
  }
  const agencyIds = new Map(all.map((x) => [x.code, x.id]));

  return (
    <form className="form form--inline" onSubmit={submit} aria-label={a.manage} data-testid="actor-place">
      <label>
        {a.placeLabel}{' '}
        <select value={code} onChange={(e) => setCode(e.target.value)} data-testid="actor-place-choice">
          <option value="">{a.choose}</option>
          {all.map((x) => (
            <option key={x.code} value={x.code}>
              {x.label}
            </option>
          ))}
        </select>
      </label>{' '}
      <button type="submit" className="button" disabled={!code || place.isPending} data-testid="actor-place-submit">
        {a.place}
      </button>
      <p className="form-field__hint">{a.placeHint}</p>
      {placed && <Notice testId="actor-placed">{a.saved}</Notice>}
      {place.error && <ProblemView problem={place.error} />}
    </form>
  );
}

/** An actor's "profile" and "remove" buttons in the cluster's list. */
export function ActorActions({ clusterId, actor }: { clusterId: number; actor: { id: number; nameKo: string } }) {
  const { t, fmt } = useActorsI18n();
  const a = t.actorEdit;
  const [editing, setEditing] = useState(false);
  const place = usePlaceActor(clusterId);
  return (
    <>
      <button type="button" className="button button--small" aria-label={fmt(a.profileLabel, { name: actor.nameKo })} onClick={() => setEditing(true)}
        data-testid="actor-profile-edit">
        {a.profile}
      </button>
      <button type="button" className="button button--small" aria-label={fmt(a.removeLabel, { name: actor.nameKo })} disabled={place.isPending}
        onClick={() => place.mutate({ agencyId: actor.id, place: false })} data-testid="actor-remove">
        {a.remove}
      </button>
      {place.error && <ProblemView problem={place.error} />}
      <Dialog open={editing} title={a.profileTitle} onClose={() => setEditing(false)} testId="actor-profile-dialog">
        {editing && <ActorProfileLoader id={actor.id} onDone={() => setEditing(false)} />}
      </Dialog>
    </>
  );
}

function ActorProfileLoader({ id, onDone }: { id: number; onDone: () => void }) {
  const actor = useActor(id);
  if (actor.isPending) return <Loading />;
  if (actor.error) return <ProblemView problem={actor.error} onRetry={() => void actor.refetch()} />;
  return <ActorProfileForm key={actor.data.etag} actor={actor.data} onDone={onDone} />;
}

function ActorProfileForm({ actor, onDone }: { actor: Versioned<ActorDto>; onDone: () => void }) {
  const { t } = useActorsI18n();
  const a = t.actorEdit;
  const save = useReplaceActorProfile(actor);
  const { inPlace, rest } = splitErrors(save.error ?? undefined, ['sector', 'specializations', 'region']);
  const form = `actor-${actor.value.id}`;
  const [sector, setSector] = useState<Sector>(actor.value.sector ?? 'industry');
  const [region, setRegion] = useState<Region | ''>(actor.value.region ?? '');
  const [specializations, setSpecializations] = useState(actor.value.specializations.join(', '));

  function submit(event: FormEvent) {
    event.preventDefault();
    save.mutate({ sector, region: region || undefined, specializations: parseSpecializations(specializations) }, { onSuccess: onDone });
  }

  return (
    <form className="form dialog__form" onSubmit={submit} noValidate aria-busy={save.isPending} data-testid="actor-profile-form">
      <p>{actor.value.nameKo}</p>
      <Field form={form} name="sector" label={a.sector} errors={inPlace} required>
        {(p) => (
          <select {...p} value={sector} onChange={(e) => setSector(e.target.value as Sector)}>
            {SECTORS.map((s) => (
              <option key={s} value={s}>
                {t.sectors[s]}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field form={form} name="specializations" label={a.specializations} errors={inPlace} hint={a.specializationsHint}>
        {(p) => <input {...p} value={specializations} onChange={(e) => setSpecializations(e.target.value)} />}
      </Field>
      <Field form={form} name="region" label={a.region} errors={inPlace}>
        {(p) => (
          <select {...p} value={region} onChange={(e) => setRegion(e.target.value as Region | '')}>
            <option value="">{a.noRegion}</option>
            {REGIONS.map((r) => (
              <option key={r} value={r}>
                {t.regions[r]}
              </option>
            ))}
          </select>
        )}
      </Field>
      <FormProblem errors={inPlace} rest={rest} />
      <div className="dialog__actions">
        <button type="submit" className="button button--primary" disabled={save.isPending} data-testid="actor-profile-submit">
          {a.save}
        </button>
        <button type="button" className="button" onClick={onDone}>
          {a.cancel}
        </button>
      </div>
    </form>
  );
}
