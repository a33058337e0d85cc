import { useState, type FormEvent } from 'react';
import type { Versioned } from '../../api/api';
import type { MeetingDto, MeetingKind } from '../../api/client';
import { FormProblem, mergeErrors, splitErrors, type FieldErrors } from '../../ui/Form';
import { useChangeMeeting } from './api';
import { useMeetingsI18n } from './i18n';
import { MEETING_FIELDS, MeetingFields, readMeetingForm } from './MeetingFields';
import { meetingValuesOf, updateMeetingRequest } from './meetings';

/**
 * The secretariat changes a planned or convened meeting's title, kind, time (in KST) and place, with the If-Match of
 * the meeting read; the answer replaces the page's meeting (and raises its calendar SEQUENCE on the server).
 */
export function MeetingEdit({ meeting, onDone }: { meeting: Versioned<MeetingDto>; onDone: (saved: boolean) => void }) {
  const { t } = useMeetingsI18n();
  const change = useChangeMeeting(meeting);
  const initial = meetingValuesOf(meeting.value);
  const [kind, setKind] = useState<MeetingKind>(initial.kind);
  const [ownErrors, setOwnErrors] = useState<FieldErrors>({});
  const { inPlace, rest } = splitErrors(change.error ?? undefined, MEETING_FIELDS);
  const errors = mergeErrors(ownErrors, inPlace);
  const form = 'meeting-edit';

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const { body, errors: found } = updateMeetingRequest(readMeetingForm(event.currentTarget, kind));
    setOwnErrors(Object.fromEntries(Object.entries(found).map(([field, code]) => [field, [t.formErrors[code]]])));
    if (!body) return change.reset();
    const id = meeting.value.id;
    change.mutate((clients, etag) => clients.meetings.replaceMeeting(id, etag, body), { onSuccess: () => onDone(true) });
  }

  return (
    <section className="card" aria-labelledby="meeting-edit-title">
      <h2 id="meeting-edit-title" className="card__title">
        {t.meetingEdit.title}
      </h2>
      <form className="form card__body" onSubmit={submit} noValidate data-testid="meeting-edit-form" aria-busy={change.isPending}>
        <p className="muted">{t.meetingEdit.intro}</p>
        <MeetingFields form={form} errors={errors} kind={kind} onKind={setKind} initial={initial} />
        <div className="form__footer">
          <FormProblem errors={errors} rest={rest} />
          <div className="form__actions">
            <button type="submit" className="button button--primary" disabled={change.isPending} data-testid="meeting-edit-save">
              {change.isPending ? t.common.saving : t.meetingEdit.save}
            </button>
            <button type="button" className="button" onClick={() => onDone(false)}>
              {t.common.cancel}
            </button>
          </div>
        </div>
      </form>
    </section>
  );
}
