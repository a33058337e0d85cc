import { useCallback, type MouseEvent, type ReactNode } from 'react';
import { useI18n } from '../i18n';
import type { PagedList } from '../lib/apiQuery';
import { useGo } from '../lib/navigation';
import { ListFooter, countSummary } from './ListFooter';
import { Loading } from './Loading';
import { ProblemView } from './ProblemView';

/** The header row of a table; a `false` column is one not shown. */
export function ColumnHeads({ columns }: { columns: readonly (string | false)[] }) {
  return (
    <thead>
      <tr>
        {columns.filter((label) => label !== false).map((label, index) => (
          <th key={index} scope="col">
            {label}
          </th>
        ))}
      </tr>
    </thead>
  );
}

/** The count and "load more" button of a keyset-paged list. */
export function PagedListFooter<T>({ list }: { list: PagedList<T> }) {
  const { t, fmt } = useI18n();
  return (
    <ListFooter
      hasMore={list.hasMore}
      loadingMore={list.loadingMore}
      problem={list.moreProblem}
      onLoadMore={list.loadMore}
      summary={countSummary(t, fmt, list.items.length, list.totalCount)}
    />
  );
}

interface DataTableProps<T> {
  list: PagedList<T>;
  /** Prefix of the caption's id: "clusters" gives "clusters-caption". */
  name: string;
  caption: string;
  /** The table's classes. */
  className: string;
  columns: readonly (string | false)[];
  /** The text of the one row shown when the list is empty. */
  empty: string;
  /** One `<tr>` (with its key) per item. */
  row: (item: T) => ReactNode;
}

/** A paged list as a card with a table: loading and failure of the first page, rows, and the footer. */
export function DataTable<T>({ list, name, caption, className, columns, empty, row }: DataTableProps<T>) {
  if (list.status === 'pending') return <Loading />;
  if (list.problem) return <ProblemView problem={list.problem} onRetry={list.retry} />;
  const captionId = `${name}-caption`;
  return (
    <section className="card" aria-labelledby={captionId}>
      <div className="table-wrap">
        <table className={className}>
          <caption id={captionId} className="visually-hidden">
            {caption}
          </caption>
          <ColumnHeads columns={columns} />
          <tbody>
            {list.items.map((item) => row(item))}
            {list.items.length === 0 && (
              <tr>
                <td colSpan={columns.filter((label) => label !== false).length} className="table__empty">
                  {empty}
                </td>
              </tr>
            )}
          </tbody>
        </table>
      </div>
      <PagedListFooter list={list} />
    </section>
  );
}

/**
 * A paged list in a card that has its own heading: the first page's loading and failure in the card,
 * then `children` once it is loaded.
 */
export function CardList<T>({ list, children }: { list: PagedList<T>; children: ReactNode }) {
  if (list.status === 'pending') return <Loading />;
  if (list.problem) {
    return (
      <div className="card__body">
        <ProblemView problem={list.problem} onRetry={list.retry} />
      </div>
    );
  }
  return children;
}

/**
 * What a click on a row does: it opens `to`, unless it hit a link or button inside the row or ends a
 * text selection.
 */
export function useOpenRow(): (event: MouseEvent<HTMLTableRowElement>, to: string) => void {
  const go = useGo();
  return useCallback(
    (event, to) => {
      if ((event.target as HTMLElement).closest('a, button')) return;
      if (window.getSelection()?.toString()) return;
      go(to);
    },
    [go],
  );
}
