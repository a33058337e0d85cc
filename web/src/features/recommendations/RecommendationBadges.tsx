import type { RecommendationState } from '../../api/client';
import { useRecommendationsI18n } from './i18n';

export function RecommendationStateBadge({ state }: { state: RecommendationState }) {
  const { t } = useRecommendationsI18n();
  return (
    <span className={`badge badge--${state}`} data-testid="recommendation-state" data-state={state}>
      {t.recommendationStates[state]}
    </span>
  );
}
