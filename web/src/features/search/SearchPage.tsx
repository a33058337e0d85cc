// The search results, grouped by kind (the API's order), each hit with its snippet, the match marked.
import { useState, type FormEvent } from 'react';
import { Link, useSearchParams } from 'react-router';
import type { SearchHitDto, SearchKind, SearchResultsDto } from '../../api/client';
import { search } from '../../api/operations';
import { usePagedQuery } from '../../lib/apiQuery';
import { paths } from '../../lib/paths';
import { ListFooter } from '../../ui/ListFooter';
import { Loading } from '../../ui/Loading';
import { ProblemView } from '../../ui/ProblemView';
import { useSearchI18n } from './i18n';
import './search.css';

function hitPath(hit: SearchHitDto): string {
  switch (hit.kind) {
    case 'cluster':
      return paths.cluster(hit.code ?? '');
    case 'agency':
      return paths.agency(hit.code ?? '');
    case 'meeting':
      return paths.meeting(hit.id);
    case 'agenda_item':
      return paths.meeting(hit.meetingId ?? 0);
    case 'regulatory_issue':
      return paths.issue(hit.id);
    case 'issue_comment':
      return paths.issue(hit.issueId ?? 0);
  }
}

function Results({ q }: { q: string }) {
  const { t } = useSearchI18n();
  const list = usePagedQuery(['search', q], (clients, cursor) => search(clients.search, { q, limit: 50, cursor }));
  const groups = new Map<SearchKind, SearchHitDto[]>();
  for (const hit of list.items) groups.set(hit.kind, [...(groups.get(hit.kind) ?? []), hit]);
  if (list.status === 'pending') return <Loading />;
  if (list.status === 'error' && list.problem) return <ProblemView problem={list.problem} onRetry={list.retry} />;
  // The search's first page is a SearchResultsDto: it says how many recent changes were not searchable yet.
  const unindexed = (list.firstPage as SearchResultsDto | undefined)?.unindexed ?? 0;
  const total = list.totalCount === 0 ? t.search.empty : t.search.total.replace('{count}', list.totalCount.toLocaleString());
  return (
    <>
      {[...groups].map(([kind, hits]) => (
        <section key={kind} className="search__group" aria-labelledby={`search-${kind}`}>
          <h2 id={`search-${kind}`}>{t.search.kinds[kind]}</h2>
          <ol className="search__hits">
            {hits.map((hit) => (
              <li key={`${hit.kind}-${hit.id}`} className="search__hit" data-testid={`search-hit-${hit.kind}`}>
                <Link to={hitPath(hit)} className="search__title">
                  {hit.titleKo}
                </Link>
                <p className="search__snippet">
                  {hit.snippet.map((part, i) => (part.match ? <mark key={i}>{part.text}</mark> : <span key={i}>{part.text}</span>))}
                </p>
              </li>
            ))}
          </ol>
        </section>
      ))}
      {unindexed > 0 && (
        <p className="search__unindexed" role="status" data-testid="search-unindexed">
          {t.search.unindexed.replace('{count}', unindexed.toLocaleString())}
        </p>
      )}
      <ListFooter summary={total} hasMore={list.hasMore} loadingMore={list.loadingMore} problem={list.moreProblem} onLoadMore={list.loadMore} />
    </>
  );
}

export function SearchPage() {
  const { t } = useSearchI18n();
  const [params, setParams] = useSearchParams();
  const q = (params.get('q') ?? '').trim();
  const [text, setText] = useState(q);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    setParams(new URLSearchParams({ q: text.trim() }));
  };
  return (
    <div className="search">
      <h1>{t.search.title}</h1>
      <form role="search" className="search__form" onSubmit={submit}>
        <label htmlFor="search-q">{t.search.label}</label>
        <input id="search-q" type="search" value={text} onChange={(e) => setText(e.target.value)} maxLength={100} data-testid="search-q" />
        <button type="submit">{t.search.submit}</button>
      </form>
      {q.length >= 2 ? <Results key={q} q={q} /> : <p className="search__hint">{t.search.hint}</p>}
    </div>
  );
}
