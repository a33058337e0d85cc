import type { ReactNode } from 'react';
import { useI18n } from '../i18n';
import { Link } from 'react-router';

/** Where a page sits: links up the way (the list first), then the page itself. */
export function Breadcrumb({ links, current }: { links: readonly { to: string; label: ReactNode }[]; current: ReactNode }) {
  const { t } = useI18n();
  return (
    <nav className="breadcrumb" aria-label={t.common.breadcrumb}>
      <ol>
        {links.map((link) => (
          <li key={link.to}>
            <Link to={link.to}>{link.label}</Link>
          </li>
        ))}
        <li aria-current="page">{current}</li>
      </ol>
    </nav>
  );
}
