import { useState } from 'react';
import { Link, useParams, useSearchParams } from 'react-router';
import type { Versioned } from '../../api/api';
import type { MeetingDto, MeetingMoveRequest } from '../../api/client';
import { useMeetingsI18n } from './i18n';
import { paths } from '../../lib/paths';
import { managesCouncil } from '../../lib/permissions';
import { useDocumentTitle } from '../../lib/useDocumentTitle';
import { Breadcrumb } from '../../ui/Breadcrumb';
import { Detail, ExternalLink, Timestamp } from '../../ui/Details';
import { Notice } from '../../ui/Form';
import { QueryStatus } from '../../ui/QueryStatus';
import { WorkflowMoves, type MoveMutation } from '../../ui/WorkflowMoves';
import { useMe } from '../auth/session';
import { FollowUpStateBadge } from '../follow-ups/FollowUpBadges';
import { CarriedOverRecommendations } from '../recommendations/CarriedOverRecommendations';
import { MeetingCollaborations } from '../collaborations/MeetingCollaborations';
import { AgendaEditor } from './AgendaEditor';
import { AttendanceSheet } from './AttendanceSheet';
import { useChangeMeeting, useMeeting } from './api';
import { MeetingNumber, MeetingStateBadge } from './MeetingBadges';
import { MinutesSection } from './MinutesSection';
import { IssueDocuments } from '../issues/IssueDocuments';
import { minutesShown } from './minutes';
import { EDITABLE_MEETING_STATES, titleSaysNumber } from './meetings';
import { MeetingEdit } from './MeetingEdit';
import { formatDay } from '../../lib/format';
import './meetings.css';

export function MeetingPage() {
  const { t, fmt, lang } = useMeetingsI18n();
  const id = Number(useParams().id);
  const [search] = useSearchParams();
  const query = useMeeting(id);
  const current = query.data;
  const title = current ? (lang === 'en' ? current.value.titleEn?.trim() || current.value.titleKo : current.value.titleKo) : undefined;
  useDocumentTitle(title ?? t.meetings.title);

  return (
    <div className="page page--wide">
      <Breadcrumb links={[{ to: paths.meetings(), label: t.meeting.backToList }]} current={title ?? <>#{id}</>} />
      <QueryStatus query={query} notFound={fmt(t.meeting.notFound, { id })} />
      {current && (
        <>
          {search.get('created') === '1' && <Notice testId="created-notice">{t.meetingForm.created}</Notice>}
          <MeetingView meeting={current} onReload={() => void query.refetch()} />
        </>
      )}
    </div>
  );
}

function MeetingView({ meeting, onReload }: { meeting: Versioned<MeetingDto>; onReload: () => void }) {
  const { t, fmt, lang } = useMeetingsI18n();
  const me = useMe();
  const m = meeting.value;
  const manages = managesCouncil(me);
  const change = useChangeMeeting(meeting);
  const [moved, setMoved] = useState<string>();
  const [editing, setEditing] = useState(false);
  const [edited, setEdited] = useState(false);
  const editable = manages && EDITABLE_MEETING_STATES.includes(m.state);
  const title = lang === 'en' ? m.titleEn?.trim() || m.titleKo : m.titleKo;
  const move: MoveMutation<MeetingMoveRequest> = {
    mutate: (body, options) => change.mutate((clients, etag) => clients.meetings.moveMeeting(m.id, etag, body), options),
    isPending: change.isPending,
    error: change.error,
    reset: change.reset,
  };

  return (
    <article className="detail" data-testid="meeting-detail" data-state={m.state} data-etag={meeting.etag} data-id={m.id}>
      <header className="detail__header">
        <div>
          {!titleSaysNumber(title, m.number) && (
            <p className="meeting-number" data-testid="meeting-number">
              <MeetingNumber number={m.number} />
            </p>
          )}
          <h1 data-testid="meeting-heading">{title}</h1>
          {lang === 'ko' && m.titleEn?.trim() && (
            <p className="detail__subtitle" lang="en">
              {m.titleEn}
            </p>
          )}
        </div>
        <div className="detail__meta">
          <MeetingStateBadge state={m.state} />
          <span className="code-chip">#{m.id}</span>
          {editable && !editing && (
            <button type="button" className="button button--small" onClick={() => (setEditing(true), setEdited(false))} data-testid="meeting-edit">
              {t.meetingEdit.open}
            </button>
          )}
        </div>
      </header>
      {edited && <Notice testId="meeting-edited-notice">{t.meetingEdit.saved}</Notice>}
      {editing && editable && (
        <MeetingEdit
          key={meeting.etag}
          meeting={meeting}
          onDone={(saved) => {
            setEditing(false);
            setEdited(saved);
          }}
        />
      )}
      {moved && <Notice testId="moved-notice">{fmt(t.meeting.moved, { move: t.meetingMoves[moved as keyof typeof t.meetingMoves] ?? moved })}</Notice>}
      <div className="meeting-top">
        <section className="card" aria-labelledby="meeting-summary">
          <h2 id="meeting-summary" className="visually-hidden">
            {t.meeting.when}
          </h2>
          <dl className="details">
            <Detail label={t.meeting.when}>
              <Timestamp iso={m.startsAt} />
              {m.endsAt && (
                <>
                  {' ~ '}
                  <Timestamp iso={m.endsAt} />
                </>
              )}
            </Detail>
            <Detail label={t.meetingForm.fields.kind}>{t.meetingKinds[m.kind]}</Detail>
            <Detail label={t.meeting.venue}>{m.venue}</Detail>
            <Detail label={t.meeting.online}>{m.onlineUrl && <ExternalLink href={m.onlineUrl} />}</Detail>
            <Detail label={t.meeting.body}>{m.bodyNameKo}</Detail>
            {m.cancelReason && (
              <Detail label={t.meeting.cancelReason} wide>
                <p className="prose">{m.cancelReason}</p>
              </Detail>
            )}
          </dl>
        </section>
        {(m.moveForms.length > 0 || m.closeBlockers.length > 0) && (
          <section className="card" aria-labelledby="meeting-moves-title" data-testid="meeting-moves">
            <h2 id="meeting-moves-title" className="card__title">
              {t.meeting.moves}
            </h2>
            <div className="card__body">
              {m.closeBlockers.length > 0 && (
                <div className="problem problem--notice meeting-blockers" data-testid="close-blockers">
                  <p className="problem__title">{t.meeting.blockersTitle}</p>
                  <p>{t.meeting.blockersIntro}</p>
                  <ul>
                    {m.closeBlockers.map((b) => (
                      <li key={b} data-testid="close-blocker">
                        {b}
                      </li>
                    ))}
                  </ul>
                </div>
              )}
              {m.moveForms.length > 0 && <p className="moves__intro">{t.meeting.movesIntro}</p>}
              <WorkflowMoves
                key={meeting.etag}
                moveForms={m.moveForms}
                label={(to) => t.meetingMoves[to as keyof typeof t.meetingMoves] ?? to}
                hint={(to) => t.meeting.moveHints[to as keyof typeof t.meeting.moveHints]}
                fieldLabel={(name) => t.meeting.fields[name as keyof typeof t.meeting.fields] ?? name}
                mutation={move}
                onReload={onReload}
                onMoved={setMoved}
                idPrefix="meeting-move"
              />
            </div>
          </section>
        )}
      </div>
      <AgendaEditor meeting={meeting} manages={manages} onReload={onReload} />
      <AttendanceSheet meeting={meeting} manages={manages} onReload={onReload} />
      <MeetingFollowUps meeting={m} />
      <CarriedOverRecommendations meeting={m} />
      <MeetingCollaborations meeting={m} />
      {minutesShown(m.state) && <MinutesSection meeting={m} manages={manages} />}
      {minutesShown(m.state) && (
        <IssueDocuments owner={{ kind: 'minutes', id: m.id }} title={t.meeting.minutesDocumentsTitle} intro={t.meeting.minutesDocumentsIntro} testId="minutes-documents" />
      )}
      <IssueDocuments owner={{ kind: 'meeting', id: m.id }} intro={t.meeting.documentsIntro} />
    </article>
  );
}

function MeetingFollowUps({ meeting }: { meeting: MeetingDto }) {
  const { t, name, locale } = useMeetingsI18n();
  return (
    <section className="card" aria-labelledby="meeting-follow-ups" data-testid="meeting-follow-ups">
      <h2 id="meeting-follow-ups" className="card__title">
        {t.meetingFollowUps.title}
      </h2>
      <div className="card__body">
        {meeting.followUps.length === 0 ? (
          <p className="muted">{t.meetingFollowUps.none}</p>
        ) : (
          <ul className="meeting-follow-ups">
            {meeting.followUps.map((f) => (
              <li key={f.id} data-testid="meeting-follow-up" data-owner={f.ownerAgency?.code}>
                <span className="row-title">{f.title}</span>
                <span className="row-sub">
                  {f.ownerAgency ? name(f.ownerAgency) : t.common.none} · {f.dueOn ? formatDay(locale, f.dueOn) : t.common.none}
                </span>
                <FollowUpStateBadge state={f.state} />
              </li>
            ))}
          </ul>
        )}
        <p>
          <Link to={paths.followUps(new URLSearchParams({ meetingId: String(meeting.id) }))}>{t.meetingFollowUps.board}</Link>
        </p>
      </div>
    </section>
  );
}
