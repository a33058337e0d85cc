import type { MeetingState } from '../../api/client';
import { useMeetingsI18n } from './i18n';
import './meetings.css';

export function MeetingStateBadge({ state }: { state: MeetingState }) {
  const { t } = useMeetingsI18n();
  return (
    <span className={`badge meeting-state meeting-state--${state}`} data-testid="meeting-state" data-state={state}>
      {t.meetingStates[state] ?? state}
    </span>
  );
}

/** "제2차", or "차수 미정" before the meeting is convened. */
export function MeetingNumber({ number }: { number: number | null }) {
  const { t, fmt } = useMeetingsI18n();
  return number == null ? <span className="muted">{t.meetings.unnumbered}</span> : <>{fmt(t.meetings.number, { n: number })}</>;
}
