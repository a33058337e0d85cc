import type { ReactNode } from 'react';
import { useI18n } from '../i18n';
import { secondaryName } from '../i18n/language';
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

interface DetailedRecord {
  code: string;
  nameKo: string;
  nameEn?: string | null;
  createdAt: string;
  updatedAt: string;
}

interface RecordDetailProps {
  record: DetailedRecord;
  /** "agency" gives the test ids "agency-detail" and "agency-name" and the summary's id "agency-summary". */
  kind: string;
  /** Badges and actions beside the title; the record's code comes after `meta`. */
  meta: ReactNode;
  actions?: ReactNode;
  summaryTitle: string;
  /** The summary's items, before the creation and update times. */
  children: ReactNode;
}

/** A cluster's or agency's page: its names and code in the header, then a summary card. */
export function RecordDetail({ record, kind, meta, actions, summaryTitle, children }: RecordDetailProps) {
  const { t, lang, name } = useI18n();
  const other = secondaryName(lang, record);
  return (
    <article className="detail" data-testid={`${kind}-detail`}>
      <header className="detail__header">
        <div>
          <h1 data-testid={`${kind}-name`}>{name(record)}</h1>
          {other && (
            <p className="detail__subtitle" lang={lang === 'ko' ? 'en' : 'ko'}>
              {other}
            </p>
          )}
        </div>
        <div className="detail__meta">
          {meta}
          <span className="code-chip" title={t.common.code}>
            {record.code}
          </span>
          {actions}
        </div>
      </header>

      <section className="card" aria-labelledby={`${kind}-summary`}>
        <h2 id={`${kind}-summary`} className="card__title">
          {summaryTitle}
        </h2>
        <dl className="details">
          {children}
          <Detail label={t.common.createdAt}>
            <Timestamp iso={record.createdAt} />
          </Detail>
          <Detail label={t.common.updatedAt}>
            <Timestamp iso={record.updatedAt} />
          </Detail>
        </dl>
      </section>
    </article>
  );
}
