import type { Problem } from '../api/api';
import { useI18n } from '../i18n';
import type { Dictionary } from '../i18n/ko';
import { ProblemView } from './ProblemView';

interface ListFooterProps {
  summary: string;
  hasMore: boolean;
  loadingMore: boolean;
  problem: Problem | undefined;
  onLoadMore: () => void;
}

/** The count of a list and its "load more" button (keyset paging through nextCursor). */
export function ListFooter({ summary, hasMore, loadingMore, problem, onLoadMore }: ListFooterProps) {
  const { t } = useI18n();
  return (
    <div className="list-footer">
      <p className="list-footer__count" aria-live="polite" data-testid="list-count">
        {summary}
      </p>
      {hasMore && (
        <button type="button" className="button" onClick={onLoadMore} disabled={loadingMore} aria-busy={loadingMore}>
          {loadingMore ? t.common.loadingMore : t.common.loadMore}
        </button>
      )}
      {problem && (
        <div className="list-footer__problem">
          <ProblemView problem={problem} onRetry={onLoadMore} />
        </div>
      )}
    </div>
  );
}

/** "6 in total" when everything is shown, "Showing 50 of 120" while more pages remain. */
export function countSummary(
  t: Dictionary,
  fmt: (template: string, values: Record<string, number>) => string,
  shown: number,
  total: number,
): string {
  return shown >= total ? fmt(t.common.totalOnly, { total }) : fmt(t.common.totalCount, { shown, total });
}
