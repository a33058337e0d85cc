import type { ReactNode } from 'react';
import { useI18n } from '../i18n';
import { formatTimestamp } from '../lib/format';

/** A labelled value in a detail view; empty values show a dash instead of nothing. */
export function Detail({ label, children, wide }: { label: string; children?: ReactNode; wide?: boolean }) {
  const { t } = useI18n();
  const empty = children === undefined || children === null || children === '' || children === false;
  return (
    <div className={wide ? 'details__item details__item--wide' : 'details__item'}>
      <dt>{label}</dt>
      <dd>{empty ? <span className="muted">{t.common.none}</span> : children}</dd>
    </div>
  );
}

export function ExternalLink({ href }: { href: string }) {
  const { t } = useI18n();
  // Only web addresses become links; anything else is shown as text.
  if (!/^https?:\/\//i.test(href)) return <span>{href}</span>;
  return (
    <a href={href} target="_blank" rel="noopener noreferrer">
      {href}
      <span className="visually-hidden"> {t.common.opensInNewWindow}</span>
    </a>
  );
}

/** A UTC timestamp shown in Korea Standard Time, the council's working time zone. */
export function Timestamp({ iso }: { iso: string }) {
  const { t, locale } = useI18n();
  return (
    <time dateTime={iso}>
      {formatTimestamp(locale, iso)} <abbr title={t.common.timeZone}>{t.common.timeZoneShort}</abbr>
    </time>
  );
}
