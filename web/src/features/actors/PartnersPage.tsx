import { useState, type FormEvent } from 'react';
import { Link, useSearchParams } from 'react-router';
import type { Region, Sector } from '../../api/client';
import { REGIONS, SECTORS } from '../../api/enums';
import { paths } from '../../lib/paths';
import { useDocumentTitle } from '../../lib/useDocumentTitle';
import { Loading } from '../../ui/Loading';
import { ProblemView } from '../../ui/ProblemView';
import { useActors } from './api';
import { useActorsI18n } from './i18n';
import './actors.css';

/** Partner search (/partners): the actors located in clusters, by sector, specialisation, cluster, region and text. */
export function PartnersPage() {
  const { t, fmt, lang } = useActorsI18n();
  useDocumentTitle(t.actors.partnersTitle);
  const [search, setSearch] = useSearchParams();
  const value = (key: string) => search.get(key) ?? '';
  const [draft, setDraft] = useState({ q: value('q'), specialization: value('specialization'), clusterCode: value('clusterCode'),
    sector: value('sector'), region: value('region') });
  const filter = {
    q: value('q') || undefined,
    specialization: value('specialization') || undefined,
    clusterCode: value('clusterCode') || undefined,
    sector: value('sector') ? [value('sector') as Sector] : undefined,
    region: value('region') ? [value('region') as Region] : undefined,
  };
  const list = useActors(filter);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    setSearch(new URLSearchParams(Object.entries(draft).filter(([, v]) => v.trim() !== '').map(([k, v]) => [k, v.trim()])));
  };
  const name = (a: { nameKo: string; nameEn?: string | null }) => (lang === 'en' ? a.nameEn?.trim() || a.nameKo : a.nameKo);

  return (
    <div className="page">
      <header className="page__header">
        <h1>{t.actors.partnersTitle}</h1>
        <p className="page__intro">{t.actors.partnersIntro}</p>
      </header>
      <form className="filters" onSubmit={submit} role="search" data-testid="partner-filters">
        <label className="filter">
          <span className="filter__label">{t.actors.q}</span>
          <input value={draft.q} onChange={(e) => setDraft({ ...draft, q: e.target.value })} data-testid="partner-q" />
        </label>
        <label className="filter">
          <span className="filter__label">{t.actors.specialization}</span>
          <input value={draft.specialization} onChange={(e) => setDraft({ ...draft, specialization: e.target.value })} data-testid="partner-specialization" />
        </label>
        <label className="filter">
          <span className="filter__label">{t.actors.cluster}</span>
          <input value={draft.clusterCode} onChange={(e) => setDraft({ ...draft, clusterCode: e.target.value })} data-testid="partner-cluster" />
        </label>
        <label className="filter">
          <span className="filter__label">{t.actors.sector}</span>
          <select value={draft.sector} onChange={(e) => setDraft({ ...draft, sector: e.target.value })} data-testid="partner-sector">
            <option value="">{t.actors.any}</option>
            {SECTORS.map((s) => (
              <option key={s} value={s}>
                {t.sectors[s]}
              </option>
            ))}
          </select>
        </label>
        <label className="filter">
          <span className="filter__label">{t.actors.region}</span>
          <select value={draft.region} onChange={(e) => setDraft({ ...draft, region: e.target.value })} data-testid="partner-region">
            <option value="">{t.actors.any}</option>
            {REGIONS.map((r) => (
              <option key={r} value={r}>
                {t.regions[r]}
              </option>
            ))}
          </select>
        </label>
        <button type="submit" className="button button--primary">
          {t.actors.search}
        </button>
      </form>

      {list.status === 'pending' && <Loading />}
      {list.problem && <ProblemView problem={list.problem} onRetry={list.retry} />}
      {list.status === 'success' && (
        <>
          <p className="muted" data-testid="partner-count">
            {fmt(t.actors.found, { count: String(list.totalCount) })}
          </p>
          <table className="table partners-results" data-testid="partner-results">
            <thead>
              <tr>
                <th scope="col">{t.actors.columns.name}</th>
                <th scope="col">{t.actors.columns.sector}</th>
                <th scope="col">{t.actors.columns.specializations}</th>
                <th scope="col">{t.actors.columns.region}</th>
                <th scope="col">{t.actors.columns.clusters}</th>
              </tr>
            </thead>
            <tbody>
              {list.items.map((a) => (
                <tr key={a.id} data-testid="partner-row">
                  <th scope="row">
                    <Link to={paths.agency(a.code)}>{name(a)}</Link>
                  </th>
                  <td>{a.sector ? t.sectors[a.sector] : ''}</td>
                  <td>{a.specializations.join(', ')}</td>
                  <td>{a.region ? t.regions[a.region] : ''}</td>
                  <td>
                    {a.clusters.map((c, k) => (
                      <span key={c.id}>
                        {k > 0 && ', '}
                        <Link to={paths.cluster(c.code)}>{name(c)}</Link>
                      </span>
                    ))}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          {list.hasMore && (
            <button type="button" className="button" onClick={list.loadMore} disabled={list.loadingMore}>
              {t.actors.more}
            </button>
          )}
        </>
      )}
    </div>
  );
}
