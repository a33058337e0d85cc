import type { MeetingKind } from '../../api/client';
import { MEETING_KINDS, isOneOf } from '../../api/enums';
import { Field, type FieldErrors } from '../../ui/Form';
import { useMeetingsI18n } from './i18n';
import type { MeetingValues } from './meetings';

export const MEETING_FIELDS = ['titleKo', 'titleEn', 'kind', 'startsAt', 'endsAt', 'venue', 'onlineUrl'] as const;

/** What the meeting form holds when it is sent (the kind is kept in state: it decides which fields are required). */
export function readMeetingForm(form: HTMLFormElement, kind: MeetingKind): MeetingValues {
  const data = new FormData(form);
  const values = Object.fromEntries(MEETING_FIELDS.map((f) => [f, String(data.get(f) ?? '')])) as unknown as MeetingValues;
  values.kind = kind;
  return values;
}

/** The fields of planning or editing a meeting; times are entered in Korea (KST). */
export function MeetingFields({ form, errors, kind, onKind, initial }: {
  form: string;
  errors: FieldErrors;
  kind: MeetingKind;
  onKind: (kind: MeetingKind) => void;
  initial?: MeetingValues;
}) {
  const { t } = useMeetingsI18n();
  return (
    <div className="form__grid">
      <Field form={form} name="titleKo" label={t.meetingForm.fields.titleKo} errors={errors} required wide>
        {(p) => <input {...p} maxLength={200} defaultValue={initial?.titleKo} />}
      </Field>
      <Field form={form} name="titleEn" label={t.meetingForm.fields.titleEn} errors={errors} wide>
        {(p) => <input {...p} maxLength={200} lang="en" defaultValue={initial?.titleEn} />}
      </Field>
      <Field form={form} name="kind" label={t.meetingForm.fields.kind} errors={errors} required>
        {(p) => (
          <select {...p} value={kind} onChange={(e) => isOneOf(MEETING_KINDS, e.target.value) && onKind(e.target.value)}>
            {MEETING_KINDS.map((k) => (
              <option key={k} value={k}>
                {t.meetingKinds[k]}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field form={form} name="startsAt" label={t.meetingForm.fields.startsAt} errors={errors} required>
        {(p) => <input {...p} type="datetime-local" defaultValue={initial?.startsAt} />}
      </Field>
      <Field form={form} name="endsAt" label={t.meetingForm.fields.endsAt} errors={errors}>
        {(p) => <input {...p} type="datetime-local" defaultValue={initial?.endsAt} />}
      </Field>
      <Field form={form} name="venue" label={t.meetingForm.fields.venue} errors={errors} required={kind !== 'online'}>
        {(p) => <input {...p} maxLength={300} defaultValue={initial?.venue} />}
      </Field>
      <Field form={form} name="onlineUrl" label={t.meetingForm.fields.onlineUrl} errors={errors} required={kind !== 'in_person'} wide>
        {(p) => <input {...p} type="url" maxLength={500} placeholder="https://" defaultValue={initial?.onlineUrl} />}
      </Field>
    </div>
  );
}
