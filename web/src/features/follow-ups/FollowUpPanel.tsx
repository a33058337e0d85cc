import { useState, type FormEvent } from 'react';
import type { Versioned } from '../../api/api';
import type { FollowUpDto, FollowUpMoveRequest } from '../../api/client';
import { managesCouncil } from '../../lib/permissions';
import { Field, FormProblem, mergeErrors, Notice, splitErrors, type FieldErrors } from '../../ui/Form';
import { Loading } from '../../ui/Loading';
import { ProblemView } from '../../ui/ProblemView';
import { WorkflowMoves } from '../../ui/WorkflowMoves';
import { useAgencyChoices } from '../agencies/AgencyChoice';
import { useMe } from '../auth/session';
import { IssueDocuments } from '../issues/IssueDocuments';
import { useFollowUp, useMoveFollowUp, useReplaceFollowUp } from './api';
import { followUpEditValuesOf, followUpUpdateRequest, type FollowUpEditValues } from './followUps';
import { useFollowUpsI18n } from './i18n';

const EDIT_FIELDS = ['title', 'ownerAgencyCode', 'ownerPerson', 'dueOn', 'detail'] as const;

/** One follow-up opened on the board: read afresh (with its ETag), its moves, the secretariat's edit, its documents. */
export function FollowUpPanel({ id, onMoved }: { id: number; onMoved: (to: string) => void }) {
  const { t } = useFollowUpsI18n();
  const me = useMe();
  const query = useFollowUp(id);
  const [editing, setEditing] = useState(false);
  const [saved, setSaved] = useState(false);
  if (query.isPending) return <Loading />;
  if (query.error) return <ProblemView problem={query.error} onRetry={() => void query.refetch()} />;
  const followUp = query.data;
  return (
    <div className="follow-up-panel" data-testid="follow-up-panel" data-id={id}>
      {saved && <Notice testId="follow-up-saved">{t.followUpEdit.saved}</Notice>}
      {managesCouncil(me) &&
        (editing ? (
          <FollowUpEdit
            key={followUp.etag}
            followUp={followUp}
            onDone={(done) => {
              setEditing(false);
              setSaved(done);
            }}
          />
        ) : (
          <button type="button" className="button button--small" onClick={() => (setEditing(true), setSaved(false))} data-testid="follow-up-edit">
            {t.followUpEdit.open}
          </button>
        ))}
      {followUp.value.moveForms.length > 0 && (
        <LoadedMoves key={followUp.etag} followUp={followUp} onMoved={onMoved} onReload={() => void query.refetch()} />
      )}
      <IssueDocuments owner={{ kind: 'followUp', id }} intro={t.followUpEdit.documentsIntro} />
    </div>
  );
}

function LoadedMoves({ followUp, onMoved, onReload }: { followUp: Versioned<FollowUpDto>; onMoved: (to: string) => void; onReload: () => void }) {
  const { t } = useFollowUpsI18n();
  const move = useMoveFollowUp(followUp);
  return (
    <WorkflowMoves<FollowUpMoveRequest>
      moveForms={followUp.value.moveForms}
      label={(to) => t.followUpMoves[to as keyof typeof t.followUpMoves] ?? to}
      hint={(to) => t.followUps.moveHints[to as keyof typeof t.followUps.moveHints]}
      fieldLabel={(name) => t.followUps.fields[name as keyof typeof t.followUps.fields] ?? name}
      mutation={{ mutate: (body, options) => move.mutate(body, options), isPending: move.isPending, error: move.error, reset: move.reset }}
      onReload={onReload}
      onMoved={onMoved}
      idPrefix={`follow-up-${followUp.value.id}`}
      compact
    />
  );
}

/** The secretariat sets the follow-up's title, owner agency and person, due date and detail (If-Match of the follow-up). */
function FollowUpEdit({ followUp, onDone }: { followUp: Versioned<FollowUpDto>; onDone: (saved: boolean) => void }) {
  const { t } = useFollowUpsI18n();
  const replace = useReplaceFollowUp(followUp);
  const agencies = useAgencyChoices();
  const initial = followUpEditValuesOf(followUp.value);
  const [ownErrors, setOwnErrors] = useState<FieldErrors>({});
  const { inPlace, rest } = splitErrors(replace.error ?? undefined, EDIT_FIELDS);
  const errors = mergeErrors(ownErrors, inPlace);
  const form = `follow-up-edit-${followUp.value.id}`;
  const options = [...(agencies.data ?? [])];
  if (initial.ownerAgencyCode && !options.some((o) => o.code === initial.ownerAgencyCode) && followUp.value.ownerAgency) {
    options.unshift({ code: initial.ownerAgencyCode, label: followUp.value.ownerAgency.nameKo, kind: 'other' });
  }

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    const values = Object.fromEntries(EDIT_FIELDS.map((f) => [f, String(data.get(f) ?? '')])) as unknown as FollowUpEditValues;
    const { body, errors: found } = followUpUpdateRequest(values);
    setOwnErrors(Object.fromEntries(Object.entries(found).map(([field, code]) => [field, [t.followUpEdit.errors[code]]])));
    if (!body) return replace.reset();
    replace.mutate(body, { onSuccess: () => onDone(true) });
  }

  return (
    <form className="form" onSubmit={submit} noValidate data-testid="follow-up-edit-form" aria-busy={replace.isPending}>
      <div className="form__grid">
        <Field form={form} name="title" label={t.followUpEdit.fields.title} errors={errors} required wide>
          {(p) => <input {...p} maxLength={300} defaultValue={initial.title} />}
        </Field>
        <Field form={form} name="ownerAgencyCode" label={t.followUpEdit.fields.ownerAgencyCode} errors={errors} required>
          {(p) => (
            <select {...p} defaultValue={initial.ownerAgencyCode}>
              <option value="">{t.followUpEdit.chooseOwner}</option>
              {options.map((a) => (
                <option key={a.code} value={a.code}>
                  {a.label}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field form={form} name="ownerPerson" label={t.followUpEdit.fields.ownerPerson} errors={errors}>
          {(p) => <input {...p} maxLength={100} defaultValue={initial.ownerPerson} />}
        </Field>
        <Field form={form} name="dueOn" label={t.followUpEdit.fields.dueOn} errors={errors} required>
          {(p) => <input {...p} type="date" defaultValue={initial.dueOn} />}
        </Field>
        <Field form={form} name="detail" label={t.followUpEdit.fields.detail} errors={errors} wide>
          {(p) => <textarea {...p} rows={3} maxLength={4000} defaultValue={initial.detail} />}
        </Field>
      </div>
      <div className="form__footer">
        <FormProblem errors={errors} rest={rest} />
        <div className="form__actions">
          <button type="submit" className="button button--primary" disabled={replace.isPending} data-testid="follow-up-edit-save">
            {replace.isPending ? t.followUpEdit.saving : t.followUpEdit.save}
          </button>
          <button type="button" className="button" onClick={() => onDone(false)}>
            {t.followUpEdit.cancel}
          </button>
        </div>
      </div>
    </form>
  );
}
