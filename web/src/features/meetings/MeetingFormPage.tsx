import { useRef, useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import type { MeetingKind } from '../../api/client';
import { MEETING_KINDS, isOneOf } from '../../api/enums';
import { useMeetingsI18n } from './i18n';
import { keyAfterSend, newIdempotencyKey } from '../../lib/idempotency';
import { useGo } from '../../lib/navigation';
import { paths } from '../../lib/paths';
import { useDocumentTitle } from '../../lib/useDocumentTitle';
import { Breadcrumb } from '../../ui/Breadcrumb';
import { Field, FormProblem, mergeErrors, splitErrors, type FieldErrors } from '../../ui/Form';
import { COUNCIL_BODY } from '../council/api';
import { useCreateMeeting } from './api';
import { meetingRequest, type MeetingValues } from './meetings';
import './meetings.css';

const FIELDS = ['titleKo', 'titleEn', 'kind', 'startsAt', 'endsAt', 'venue', 'onlineUrl'] as const;

/** Planning a meeting (the secretariat): it is created as planned and opens on its own page. */
export function MeetingNewPage() {
  const { t } = useMeetingsI18n();
  useDocumentTitle(t.meetingForm.title);
  const go = useGo();
  const create = useCreateMeeting();
  const key = useRef(newIdempotencyKey());
  const [kind, setKind] = useState<MeetingKind>('in_person');
  const [ownErrors, setOwnErrors] = useState<FieldErrors>({});
  const { inPlace, rest } = splitErrors(create.error ?? undefined, FIELDS);
  const errors = mergeErrors(ownErrors, inPlace);
  const form = 'meeting';

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    const values = Object.fromEntries(FIELDS.map((f) => [f, String(data.get(f) ?? '')])) as unknown as MeetingValues;
    values.kind = kind;
    const { body, errors: found } = meetingRequest(values, COUNCIL_BODY);
    setOwnErrors(Object.fromEntries(Object.entries(found).map(([field, code]) => [field, [t.formErrors[code]]])));
    if (!body) return create.reset();
    create.mutate(
      { body, idempotencyKey: key.current },
      {
        onSuccess: (created) => {
          key.current = keyAfterSend(key.current, { kind: 'ok' }, newIdempotencyKey);
          go(paths.meeting(created.value.id) + '?created=1');
        },
        onError: (problem) => {
          key.current = keyAfterSend(key.current, { kind: 'problem', problem }, newIdempotencyKey);
        },
      },
    );
  }

  return (
    <div className="page page--narrow">
      <Breadcrumb links={[{ to: paths.meetings(), label: t.meeting.backToList }]} current={t.meetingForm.title} />
      <header className="page__header">
        <h1>{t.meetingForm.title}</h1>
        <p className="page__intro">{t.meetingForm.intro}</p>
      </header>
      <form className="card form" onSubmit={submit} noValidate data-testid="meeting-form" aria-busy={create.isPending}>
        <div className="form__grid">
          <Field form={form} name="titleKo" label={t.meetingForm.fields.titleKo} errors={errors} required wide>
            {(p) => <input {...p} maxLength={200} />}
          </Field>
          <Field form={form} name="titleEn" label={t.meetingForm.fields.titleEn} errors={errors} wide>
            {(p) => <input {...p} maxLength={200} lang="en" />}
          </Field>
          <Field form={form} name="kind" label={t.meetingForm.fields.kind} errors={errors} required>
            {(p) => (
              <select {...p} value={kind} onChange={(e) => isOneOf(MEETING_KINDS, e.target.value) && setKind(e.target.value)}>
                {MEETING_KINDS.map((k) => (
                  <option key={k} value={k}>
                    {t.meetingKinds[k]}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <Field form={form} name="startsAt" label={t.meetingForm.fields.startsAt} errors={errors} required>
            {(p) => <input {...p} type="datetime-local" />}
          </Field>
          <Field form={form} name="endsAt" label={t.meetingForm.fields.endsAt} errors={errors}>
            {(p) => <input {...p} type="datetime-local" />}
          </Field>
          <Field form={form} name="venue" label={t.meetingForm.fields.venue} errors={errors} required={kind !== 'online'}>
            {(p) => <input {...p} maxLength={300} />}
          </Field>
          <Field form={form} name="onlineUrl" label={t.meetingForm.fields.onlineUrl} errors={errors} required={kind !== 'in_person'} wide>
            {(p) => <input {...p} type="url" maxLength={500} placeholder="https://" />}
          </Field>
        </div>
        <div className="form__footer">
          <FormProblem errors={errors} rest={rest} />
          <div className="form__actions">
            <button type="submit" className="button button--primary" disabled={create.isPending} data-testid="save">
              {create.isPending ? t.common.saving : t.meetingForm.save}
            </button>
            <Link to={paths.meetings()} className="button">
              {t.common.cancel}
            </Link>
          </div>
        </div>
      </form>
    </div>
  );
}
