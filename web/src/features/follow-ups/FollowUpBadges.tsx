import type { FollowUpState } from '../../api/client';
import { useFollowUpsI18n } from './i18n';
import './follow-ups.css';

export function FollowUpStateBadge({ state }: { state: FollowUpState }) {
  const { t } = useFollowUpsI18n();
  return (
    <span className={`badge follow-up-state follow-up-state--${state}`} data-testid="follow-up-state" data-state={state}>
      {t.followUpStates[state] ?? state}
    </span>
  );
}
