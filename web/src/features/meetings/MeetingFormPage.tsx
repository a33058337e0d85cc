import { useRef, useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import type { MeetingKind } from '../../api/client';
import { useMeetingsI18n } from './i18n';
import { keyAfterSend, newIdempotencyKey } from '../../lib/idempotency';
import { useGo } from '../../lib/navigation';
import { paths } from '../../lib/paths';
import { useDocumentTitle } from '../../lib/useDocumentTitle';
import { Breadcrumb } from '../../ui/Breadcrumb';
import { FormProblem, mergeErrors, splitErrors, type FieldErrors } from '../../ui/Form';
import { COUNCIL_BODY } from '../council/api';
import { useCreateMeeting } from './api';
import { meetingRequest } from './meetings';
import { MEETING_FIELDS, MeetingFields, readMeetingForm } from './MeetingFields';
import './meetings.css';


/** Planning a meeting (the secretariat): it is created as planned and opens on its own page. */
export function MeetingNewPage() {
  const { t } = useMeetingsI18n();
  useDocumentTitle(t.meetingForm.title);
  const go = useGo();
  const create = useCreateMeeting();
  const key = useRef(newIdempotencyKey());
  const [kind, setKind] = useState<MeetingKind>('in_person');
  const [ownErrors, setOwnErrors] = useState<FieldErrors>({});
  const { inPlace, rest } = splitErrors(create.error ?? undefined, MEETING_FIELDS);
  const errors = mergeErrors(ownErrors, inPlace);
  const form = 'meeting';

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const values = readMeetingForm(event.currentTarget, kind);
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
        <MeetingFields form={form} errors={errors} kind={kind} onKind={setKind} />
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
