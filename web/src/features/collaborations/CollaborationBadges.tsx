import type { CollaborationProjectDto, CollaborationState } from '../../api/client';
import { formatDay } from '../../lib/format';
import { useCollaborationsI18n } from './i18n';

export function CollaborationStateBadge({ state }: { state: CollaborationState }) {
  const { t } = useCollaborationsI18n();
  return (
    <span className={`badge badge--${state}`} data-testid="collaboration-state" data-state={state}>
      {t.collaborationStates[state]}
    </span>
  );
}

/** "2027. 1. 1. – 2028. 12. 31.", one side when only one is known, "미정" when neither. */
export function Period({ project }: { project: Pick<CollaborationProjectDto, 'startsOn' | 'endsOn'> }) {
  const { t, locale } = useCollaborationsI18n();
  if (!project.startsOn && !project.endsOn) return <>{t.collaborations.noPeriod}</>;
  return (
    <>
      {project.startsOn ? formatDay(locale, project.startsOn) : ''} – {project.endsOn ? formatDay(locale, project.endsOn) : ''}
    </>
  );
}

export function Won({ amount }: { amount: number | null | undefined }) {
  const { t, fmt, locale } = useCollaborationsI18n();
  if (amount == null) return null;
  return <>{fmt(t.collaborations.won, { amount: amount.toLocaleString(locale) })}</>;
}
