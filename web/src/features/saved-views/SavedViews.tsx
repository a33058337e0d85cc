// A list page's saved views (저장한 보기): a disclosure with the caller's views of this page (open one, delete one) and a
// small form that saves the current filters under a name. The views live on the server, per person, so they follow the
// person to any device.
import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import type { SavedViewPage } from '../../api/client';
import type { Problem } from '../../api/api';
import { ProblemView } from '../../ui/ProblemView';
import { useDeleteView, useSavedViews, useSaveView } from './api';
import { useSavedViewsI18n } from './i18n';
import { MAX_VIEW_NAME_LENGTH, MAX_VIEWS, nameProblem } from './savedViews';
import './savedViews.css';

interface SavedViewsProps {
  page: SavedViewPage;
  /** The current filters as the view would keep them (see viewQuery). */
  query: string;
  /** Opens a view: the page applies its query. */
  onOpen: (query: string) => void;
}

export function SavedViews({ page, query, onOpen }: SavedViewsProps) {
  const { t, fmt } = useSavedViewsI18n();
  const views = useSavedViews(page);
  const save = useSaveView();
  const remove = useDeleteView();
  const [open, setOpen] = useState(false);
  const [name, setName] = useState('');
  const [touched, setTouched] = useState(false);
  const [savedAs, setSavedAs] = useState<string>();
  const panelId = useId();
  const button = useRef<HTMLButtonElement>(null);
  const root = useRef<HTMLDivElement>(null);
  const items = views.data?.items ?? [];
  const problem = nameProblem(name, items.map((v) => v.name));

  useEffect(() => {
    if (!open) return;
    function closeOutside(event: PointerEvent) {
      if (!root.current?.contains(event.target as Node)) setOpen(false);
    }
    // On the document, not the panel: after saving, focus may have left the panel with the button that was disabled.
    function closeOnEscape(event: KeyboardEvent) {
      if (event.key !== 'Escape') return;
      setOpen(false);
      button.current?.focus();
    }
    document.addEventListener('pointerdown', closeOutside);
    document.addEventListener('keydown', closeOnEscape);
    return () => {
      document.removeEventListener('pointerdown', closeOutside);
      document.removeEventListener('keydown', closeOnEscape);
    };
  }, [open]);

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setTouched(true);
    if (problem) return;
    const trimmed = name.trim();
    save.mutate(
      { page, name: trimmed, query },
      {
        onSuccess: () => {
          setSavedAs(trimmed);
          setName('');
          setTouched(false);
        },
      },
    );
  }

  return (
    <div className="saved-views" ref={root} data-testid="saved-views">
      <button
        type="button"
        ref={button}
        className="button"
        aria-expanded={open}
        aria-controls={panelId}
        onClick={() => setOpen((o) => !o)}
        data-testid="saved-views-toggle"
      >
        {items.length > 0 ? fmt(t.savedViews.count, { count: items.length }) : t.savedViews.button}
      </button>
      <div id={panelId} className="saved-views__panel" hidden={!open} role="region" aria-label={t.savedViews.label}>
        {views.isError && <ProblemView problem={views.error as Problem} onRetry={() => void views.refetch()} />}
        {items.length === 0 ? (
          <p className="muted saved-views__none">{t.savedViews.none}</p>
        ) : (
          <ul className="saved-views__list" data-testid="saved-views-list">
            {items.map((view) => (
              <li key={view.id} className="saved-views__item" data-testid="saved-view">
                <button
                  type="button"
                  className="button button--link saved-views__open"
                  onClick={() => {
                    setOpen(false);
                    onOpen(view.query);
                  }}
                  data-testid="saved-view-open"
                >
                  {view.name}
                </button>
                <button
                  type="button"
                  className="button button--link saved-views__delete"
                  aria-label={fmt(t.savedViews.deleteLabel, { name: view.name })}
                  disabled={remove.isPending}
                  onClick={() => remove.mutate(view.id)}
                  data-testid="saved-view-delete"
                >
                  {t.savedViews.delete}
                </button>
              </li>
            ))}
          </ul>
        )}
        {remove.isError && <ProblemView problem={remove.error as Problem} />}
        <form className="saved-views__form" onSubmit={submit} noValidate data-testid="saved-view-form">
          <label htmlFor={`${panelId}-name`}>{t.savedViews.saveLegend}</label>
          <div className="saved-views__row">
            <input
              id={`${panelId}-name`}
              value={name}
              maxLength={MAX_VIEW_NAME_LENGTH + 10}
              placeholder={t.savedViews.namePlaceholder}
              aria-label={t.savedViews.name}
              aria-invalid={touched && problem ? true : undefined}
              aria-describedby={touched && problem ? `${panelId}-problem` : undefined}
              onChange={(e) => setName(e.target.value)}
              data-testid="saved-view-name"
            />
            <button type="submit" className="button button--primary" disabled={save.isPending || items.length >= MAX_VIEWS} data-testid="saved-view-save">
              {t.savedViews.save}
            </button>
          </div>
          {touched && problem && (
            <p id={`${panelId}-problem`} className="field__error" role="alert">
              {t.savedViews.problems[problem]}
            </p>
          )}
          {items.length >= MAX_VIEWS && <p className="muted">{t.savedViews.full}</p>}
          {save.isError && <ProblemView problem={save.error as Problem} />}
          {savedAs && !save.isError && (
            <p className="saved-views__done" role="status">
              {fmt(t.savedViews.saved, { name: savedAs })}
            </p>
          )}
        </form>
      </div>
    </div>
  );
}
