// The search box in the header: tiny on purpose (the results page is a lazy chunk). "/" or Ctrl+K focuses it.
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useNavigate } from 'react-router';
import { useI18n } from '../../i18n';
import { paths } from '../../lib/paths';

export function HeaderSearch() {
  const { t } = useI18n();
  const navigate = useNavigate();
  const input = useRef<HTMLInputElement>(null);
  const [q, setQ] = useState('');

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const target = e.target as HTMLElement | null;
      const typing = target?.closest('input, textarea, select, [contenteditable="true"]');
      if ((e.key === '/' && !typing) || (e.key.toLowerCase() === 'k' && (e.ctrlKey || e.metaKey))) {
        e.preventDefault();
        input.current?.focus();
      }
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, []);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const text = q.trim();
    if (text) void navigate(paths.search(new URLSearchParams({ q: text })));
  };

  return (
    <form role="search" className="header-search" onSubmit={submit}>
      <input
        ref={input}
        type="search"
        className="header-search__input"
        value={q}
        onChange={(e) => setQ(e.target.value)}
        placeholder={t.app.searchPlaceholder}
        aria-label={t.app.search}
        aria-keyshortcuts="/ Control+K"
        maxLength={100}
        data-testid="header-search"
      />
    </form>
  );
}
