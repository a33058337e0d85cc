// The header's main menu. Wide screens show the main sections in a row and keep the secretariat's tools behind "더보기"
// (More), so the header stays one line at 1280 px; below 768 px the whole menu folds behind one menu button. Both
// disclosures are buttons with aria-expanded/aria-controls; Escape closes them and gives focus back to their button; a
// click elsewhere or a new page closes them.
import { useEffect, useId, useRef, useState, type KeyboardEvent } from 'react';
import { Link } from 'react-router';
import type { MeDto } from '../api/client';
import { useI18n } from '../i18n';
import { SECONDARY_SECTIONS, visibleSections, type Section } from '../lib/permissions';

interface HeaderNavProps {
  me: MeDto;
  current: Section | undefined;
  /** Changes with every new page (not with a filter change): the menus close. */
  pageKey: string;
  pathOf: (section: Section) => string;
}

export function HeaderNav({ me, current, pageKey, pathOf }: HeaderNavProps) {
  const { t } = useI18n();
  const [open, setOpen] = useState(false);
  const [moreOpen, setMoreOpen] = useState(false);
  const navId = useId();
  const moreId = useId();
  const toggle = useRef<HTMLButtonElement>(null);
  const moreButton = useRef<HTMLButtonElement>(null);
  const root = useRef<HTMLDivElement>(null);
  const sections = visibleSections(me);
  const primary = sections.filter((s) => !SECONDARY_SECTIONS.includes(s));
  const secondary = sections.filter((s) => SECONDARY_SECTIONS.includes(s));

  useEffect(() => {
    setOpen(false);
    setMoreOpen(false);
  }, [pageKey]);

  useEffect(() => {
    if (!open && !moreOpen) return;
    function closeOutside(event: PointerEvent) {
      if (!root.current?.contains(event.target as Node)) {
        setOpen(false);
        setMoreOpen(false);
      }
    }
    document.addEventListener('pointerdown', closeOutside);
    return () => document.removeEventListener('pointerdown', closeOutside);
  }, [open, moreOpen]);

  function closeOnEscape(event: KeyboardEvent) {
    if (event.key !== 'Escape') return;
    if (moreOpen) {
      setMoreOpen(false);
      // On a phone the "more" links are part of the open menu: focus returns to the menu button that is visible.
      (open ? toggle : moreButton).current?.focus();
      if (open) setOpen(false);
    } else if (open) {
      setOpen(false);
      toggle.current?.focus();
    } else return;
    event.stopPropagation();
  }

  const link = (item: Section) => (
    <Link
      key={item}
      to={pathOf(item)}
      className="nav__link"
      aria-current={current === item ? 'page' : undefined}
      data-testid={`nav-${item}`}
      onClick={() => {
        setOpen(false);
        setMoreOpen(false);
      }}
    >
      {t.nav[item]}
    </Link>
  );

  return (
    <div className="nav-area" ref={root} onKeyDown={closeOnEscape}>
      <button
        type="button"
        ref={toggle}
        className="nav-toggle"
        aria-expanded={open}
        aria-controls={navId}
        onClick={() => setOpen((o) => !o)}
        data-testid="nav-toggle"
      >
        <svg viewBox="0 0 24 24" aria-hidden="true" focusable="false" className="nav-toggle__icon">
          {open ? (
            <path d="M6 6l12 12M18 6L6 18" stroke="currentColor" strokeWidth="2" strokeLinecap="round" />
          ) : (
            <path d="M4 7h16M4 12h16M4 17h16" stroke="currentColor" strokeWidth="2" strokeLinecap="round" />
          )}
        </svg>
        {open ? t.nav.menuClose : t.nav.menu}
      </button>
      <nav id={navId} className={open ? 'nav nav--open' : 'nav'} aria-label={t.nav.label} data-testid="main-nav">
        {primary.map(link)}
        {secondary.length > 0 && (
          <div className="nav__more">
            <button
              type="button"
              ref={moreButton}
              className="nav__link nav__more-button"
              aria-expanded={moreOpen}
              aria-controls={moreId}
              aria-current={current && secondary.includes(current) ? 'page' : undefined}
              onClick={() => setMoreOpen((o) => !o)}
              data-testid="nav-more"
            >
              {t.nav.more}
              <span aria-hidden="true" className="nav__caret">
                ▾
              </span>
            </button>
            <div id={moreId} className={moreOpen ? 'nav__more-menu nav__more-menu--open' : 'nav__more-menu'} data-testid="nav-more-menu">
              {secondary.map(link)}
            </div>
          </div>
        )}
      </nav>
    </div>
  );
}
